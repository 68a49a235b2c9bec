import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, latestCode, PASSWORD, uniqueEmail } from './local-aws'
import { poolMfa, userWithFactors } from './mfa-support'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'

async function signInWith(page: Page, email: string, password: string, next = '/projects') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`)
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(password)
  await page.locator('form button[type=submit]').click()
}

/** The screens, each reached as a user would, with a state worth checking (errors shown too). */
const screens: { name: string; visit: (page: Page) => Promise<void> }[] = [
  { name: 'sign-in', visit: (page) => page.goto('/sign-in').then(() => undefined) },
  {
    name: 'sign-in with errors',
    visit: async (page) => {
      await page.goto('/sign-in')
      await page.locator('form button[type=submit]').click()
      await expect(page.locator('[aria-invalid=true]')).toHaveCount(1)
    },
  },
  { name: 'sign-up', visit: (page) => page.goto('/sign-up').then(() => undefined) },
  { name: 'confirm', visit: (page) => page.goto('/sign-up/confirm').then(() => undefined) },
  { name: 'forgot password', visit: (page) => page.goto('/forgot-password').then(() => undefined) },
  {
    name: 'new password',
    visit: async (page) => {
      await page.goto('/forgot-password')
      await page.locator('input[name=email]').fill(`nobody-${Date.now()}@example.com`)
      await page.locator('form button[type=submit]').click()
      await expect(page.locator('input[name=code]')).toBeVisible()
    },
  },
  {
    name: 'account',
    visit: async (page) => {
      const email = await createConfirmedUser(page.request, uniqueEmail('a11y'))
      await page.goto('/sign-in?next=%2Faccount')
      await page.locator('input[name=email]').fill(email)
      await page.locator('input[name=password]').fill(PASSWORD)
      await page.locator('form button[type=submit]').click()
      await expect(page).toHaveURL(/\/account$/)
      await expect(page.locator('.account-email')).toHaveText(email)
    },
  },
  {
    name: 'sign-in step: new password, missing',
    visit: async (page) => {
      const email = uniqueEmail('a11y-invited')
      await cognito(page.request, 'AdminCreateUser', { UserPoolId, Username: email })
      await signInWith(page, email, await latestCode(page.request, email))
      await page.locator('form button[type=submit]').click()
      await expect(page.locator('input[name=newPassword]')).toHaveAttribute('aria-invalid', 'true')
    },
  },
  {
    name: 'sign-in step: choose a factor',
    visit: async (page) => {
      await poolMfa(page.request, 'OPTIONAL', { totp: true, email: true })
      const { email } = await userWithFactors(page.request, 'a11y-both', {
        totp: true,
        email: true,
      })
      await signInWith(page, email, PASSWORD)
      await expect(page.locator('main input[type=radio]')).toHaveCount(2)
    },
  },
  {
    name: 'sign-in step: wrong code',
    visit: async (page) => {
      await poolMfa(page.request, 'OPTIONAL', { email: true })
      const { email } = await userWithFactors(page.request, 'a11y-code', { email: true })
      await signInWith(page, email, PASSWORD)
      await expect(page.locator('input[name=mfaCode]')).toBeVisible() // the code is sent
      const code = await latestCode(page.request, email)
      await page.locator('input[name=mfaCode]').fill(code === '000000' ? '111111' : '000000')
      await page.locator('form button[type=submit]').click()
      await expect(page.locator('input[name=mfaCode]')).toHaveAttribute('aria-invalid', 'true')
    },
  },
  {
    name: 'sign-in step: authenticator set-up',
    visit: async (page) => {
      await poolMfa(page.request, 'ON', { totp: true })
      const email = await createConfirmedUser(page.request, uniqueEmail('a11y-setup'))
      await signInWith(page, email, PASSWORD)
      await expect(page.locator('main svg[role=img]')).toBeVisible()
    },
  },
  {
    name: 'account with two-step sign-in, setting up an app',
    visit: async (page) => {
      await poolMfa(page.request, 'OPTIONAL', { totp: true, email: true })
      const email = await createConfirmedUser(page.request, uniqueEmail('a11y-mfa'))
      await signInWith(page, email, PASSWORD, '/account')
      await expect(page).toHaveURL(/\/account$/)
      await page.locator('main .mfa-methods button').first().click()
      await expect(page.locator('main svg[role=img]')).toBeVisible()
    },
  },
]

// Some screens need MFA on the pool every spec shares: back off after each.
test.afterEach(async ({ request }) => poolMfa(request, 'OFF'))

for (const language of ['en', 'ja'] as const) {
  for (const screen of screens) {
    test(`${screen.name} (${language}) has no axe violations`, async ({ page }) => {
      await page.addInitScript((lang) => localStorage.setItem('language', lang), language)
      await screen.visit(page)
      await expect(page.locator('h1')).toBeVisible()
      await page.getByRole('complementary').locator('summary').click() // the inbox panel too
      await expect(page.locator('.local-inbox')).toBeVisible()
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze()
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
        [],
      )
      if (language === 'ja') {
        // No English left on a Japanese screen (the email address aside).
        const text = (await page.locator('body').innerText()).replace(/\S+@example\.com/g, '')
        expect(text).not.toMatch(/\b(Sign|Email|Password|Create|Confirm|Send|code|account)\b/)
      }
    })
  }
}
