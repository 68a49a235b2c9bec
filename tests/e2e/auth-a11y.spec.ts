import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'

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
]

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
