/**
 * Sign-up on a pool that requires `name` and `phone_number`: the production
 * build, made with VITE_SIGN_UP_ATTRIBUTES=name,phone_number
 * (playwright.config.ts), asks for them and signs up; the local-mode build,
 * which names none, shows the doctor's advice instead. Each in English and
 * Japanese, by keyboard, axe-clean. The pool is one made for the test with
 * that schema, in front of each build's own (pool-in-front.ts).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { startIn } from './i18n-support'
import { PASSWORD, uniqueEmail } from './local-aws'
import { poolInFront } from './pool-in-front'

const REQUIRING_NAME_AND_PHONE = {
  requiredAttributes: ['name', 'phone_number'],
  customAttributes: [],
}

const texts = {
  en: {
    title: 'Create an account',
    continueWith: (provider: string) => `Continue with ${provider}`,
    email: 'Email',
    name: 'Full name',
    phone: 'Phone number',
    phoneHint: /With \+ and the country code/,
    nameMissing: 'Enter your full name.',
    password: 'Choose a password',
    confirmTitle: 'Confirm your email',
    code: 'Sign-in code',
    doctor: 'Sign-up isn’t set up correctly on this site',
    forDeployers: 'For whoever deployed this app',
    fix: 'This pool requires name and phone_number at sign-up: add them to VITE_SIGN_UP_ATTRIBUTES.',
  },
  ja: {
    title: 'アカウントを作成',
    continueWith: (provider: string) => `${provider} で続行`,
    email: 'メールアドレス',
    name: '氏名',
    phone: '電話番号',
    phoneHint: /\+ と国番号から入力してください/,
    nameMissing: '氏名を入力してください。',
    password: 'パスワードを決める',
    confirmTitle: 'メールアドレスの確認',
    code: 'サインインコード',
    doctor: 'このサイトのサインアップ設定に誤りがあるため',
    forDeployers: 'このアプリをデプロイした方へ',
    fix: 'このユーザープールはサインアップ時に name、phone_number を必須としています。VITE_SIGN_UP_ATTRIBUTES に追加してください。',
  },
}

async function expectAxeClean(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
}

/** Tab to the next field and type into it, as a keyboard user fills a form. */
async function tabAndType(page: Page, label: string, text: string) {
  await page.keyboard.press('Tab')
  await expect(page.getByLabel(label, { exact: true })).toBeFocused()
  await page.keyboard.type(text)
}

for (const language of ['en', 'ja'] as const) {
  const t = texts[language]

  test(
    `signs up with the name and phone number the pool requires (${language})`,
    { tag: '@production-build' },
    async ({ page }) => {
      const pool = await poolInFront(page, REQUIRING_NAME_AND_PHONE)
      // This build signs up without a password (VITE_SIGN_IN_METHODS): the pool allows e-mailed codes.
      await pool.cognito('UpdateUserPool', {
        UserPoolId: DEFAULT_USER_POOL_ID,
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      })
      await startIn(page, language)
      await page.goto('/sign-up')
      await expect(page.getByRole('heading', { name: t.title })).toBeFocused()
      const phone = page.getByLabel(t.phone, { exact: true })
      await expect(phone).toHaveAttribute('type', 'tel')
      await expect(phone).toHaveAttribute('autocomplete', 'tel')
      await expect(phone).toHaveAccessibleDescription(t.phoneHint)
      await expect(page.getByLabel(t.name, { exact: true })).toHaveAttribute('autocomplete', 'name')

      const email = uniqueEmail(`attributes-${language}`)
      await tabAndType(page, t.email, email)
      // Sent without them, the form says what is missing, next to the field, and sends nothing.
      await page.keyboard.press('Enter')
      const name = page.getByLabel(t.name, { exact: true })
      await expect(name).toBeFocused()
      await expect(name).toHaveAccessibleDescription(new RegExp(t.nameMissing))
      await expectAxeClean(page)

      await page.keyboard.type('Ada Lovelace')
      await tabAndType(page, t.phone, '+81 90 1234 5678')
      await page.keyboard.press('Enter')
      await expect(page.getByRole('heading', { name: t.confirmTitle })).toBeFocused()
      await tabAndType(page, t.code, pool.latestCode(email) ?? '')
      await page.keyboard.press('Enter')
      // Signed in: the new user is offered a passkey, on the account page.
      await expect(page).toHaveURL(/\/account\?add-passkey=1/)
      expect(await pool.attributesOf(email)).toMatchObject({
        email,
        name: 'Ada Lovelace',
        phone_number: '+819012345678',
      })
      await expectAxeClean(page)
    },
  )

  test(
    `names what the pool requires, and the setting to add it to, when the build doesn't ask for it (${language})`,
    { tag: '@local-mode' },
    async ({ page }) => {
      const pool = await poolInFront(page, REQUIRING_NAME_AND_PHONE)
      await startIn(page, language)
      await page.goto('/sign-up')
      await expect(page.getByRole('heading', { name: t.title })).toBeFocused()
      await expect(page.getByLabel(t.phone, { exact: true })).toHaveCount(0)
      const email = uniqueEmail(`doctor-${language}`)
      // Past the identity providers' buttons local mode offers here (playwright.config.ts).
      for (const provider of ['Google', 'AcmeCorp']) {
        await page.keyboard.press('Tab')
        await expect(page.getByRole('button', { name: t.continueWith(provider) })).toBeFocused()
      }
      await tabAndType(page, t.email, email)
      await tabAndType(page, t.password, PASSWORD)
      await page.keyboard.press('Enter')

      const alert = page.getByRole('main').getByRole('alert')
      await expect(alert).toContainText(t.doctor)
      // Focus is on the message; the advice for whoever deployed opens from the keyboard.
      await page.keyboard.press('Tab')
      await expect(alert.getByText(t.forDeployers)).toBeFocused()
      await page.keyboard.press('Enter')
      await expect(alert.getByText(t.fix)).toBeVisible()
      expect(pool.latestCode(email)).toBeUndefined()
      await expectAxeClean(page)
    },
  )
}
