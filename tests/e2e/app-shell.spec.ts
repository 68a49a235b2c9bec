import { expect, test } from './fixtures'

test('the production build serves the app shell under the strict CSP', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to your projects' }).click()
  await expect(page).toHaveURL(/\/projects$/)
})
