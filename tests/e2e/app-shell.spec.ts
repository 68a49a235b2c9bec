import { expect, test } from './fixtures'

test('the production build serves the app shell under the strict CSP', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  // Signed out, the way back leads through sign-in, which remembers where to return.
  await page.getByRole('link', { name: 'Go to your projects' }).click()
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects$/)
})
