/**
 * Two-step sign-in on the choice-based sign-in screens (the "production"
 * project's build, VITE_SIGN_IN_METHODS=passkey,email-code,password): Cognito
 * offers a user with MFA, or anyone while MFA is required, only their password
 * as a first factor; the steps after it are the password sign-in's screens.
 */
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'
import { poolMfa, startIn, totpCode, UI, userWithFactors } from './mfa-support'

test.beforeAll(async ({ playwright, baseURL }) => {
  // This server's own emulator: choice-based sign-in with every first factor.
  const request = await playwright.request.newContext({ baseURL })
  await cognito(request, 'UpdateUserPool', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } },
  })
  await request.dispose()
})

// These tests change the pool the passwordless specs share: put MFA back off after each.
test.afterEach(async ({ request }) => poolMfa(request, 'OFF'))

const PASSWORDLESS = {
  en: { next: 'Continue', passwordTitle: 'Enter your password' },
  ja: { next: '次へ', passwordTitle: 'パスワードを入力' },
}

test('a user with an authenticator app types its code after the password, a wrong one first (en)', async ({
  page,
  request,
}) => {
  const t = { ...UI.en, ...PASSWORDLESS.en }
  await startIn(page, 'en')
  await poolMfa(request, 'OPTIONAL', { totp: true })
  const { email, key } = await userWithFactors(request, 'pl-totp', { totp: true })
  await page.goto('/sign-in')
  await page.getByLabel(t.email).fill(email)
  await page.getByRole('button', { name: t.next }).click()
  // With MFA on, Cognito offers this user their password only.
  await expect(page.getByRole('heading', { name: t.passwordTitle })).toBeFocused()
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: t.signIn }).click()

  await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
  const right = await totpCode(request, key)
  await page.getByLabel(t.code).fill(right === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page.getByRole('alert').filter({ hasText: t.wrongCode })).toBeVisible()
  await page.getByLabel(t.code).fill(await totpCode(request, key))
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByRole('banner').getByText(email)).toBeVisible()
})

test('MFA が必須のプールでは、パスワードの後に認証アプリを設定してサインインする (ja)', async ({
  page,
  request,
}) => {
  const t = { ...UI.ja, ...PASSWORDLESS.ja }
  await startIn(page, 'ja')
  await poolMfa(request, 'ON', { totp: true })
  const email = await createConfirmedUser(request, uniqueEmail('pl-setup'))
  await page.goto('/sign-in')
  await page.getByLabel(t.email).fill(email)
  await page.getByRole('button', { name: t.next }).click()
  await expect(page.getByRole('heading', { name: t.passwordTitle })).toBeFocused()
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: t.signIn }).click()

  await expect(page.getByRole('heading', { name: t.totpSetupTitle })).toBeFocused()
  await expect(page.getByRole('img', { name: t.qrCode })).toBeVisible()
  const key = await page.getByTestId('totp-secret').innerText()
  await page.getByLabel(t.code).fill(await totpCode(request, key))
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page).toHaveURL(/\/projects$/)
})
