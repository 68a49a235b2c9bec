import { expect, test } from './fixtures'

test('the production build serves the app shell under the strict CSP', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  // Signed out, the way back leads through sign-in, which remembers where to return.
  await page.getByRole('link', { name: 'Go to your projects' }).click()
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects$/)
})

test('each page has its own title, in the current language', async ({ page }) => {
  const pages = [
    ['/sign-in', 'Sign in · Projects', 'サインイン · プロジェクト'],
    ['/sign-up', 'Create an account · Projects', 'アカウントを作成 · プロジェクト'],
    ['/sign-up/confirm', 'Confirm your email · Projects', 'メールアドレスの確認 · プロジェクト'],
    ['/forgot-password', 'Reset your password · Projects', 'パスワードの再設定 · プロジェクト'],
    ['/no/such/page', 'Page not found · Projects', 'ページが見つかりません · プロジェクト'],
  ] as const
  for (const [path, english, japanese] of pages) {
    await page.goto(path)
    await expect(page).toHaveTitle(english)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await expect(page).toHaveTitle(japanese)
    await page.getByRole('combobox', { name: '言語' }).selectOption('en')
  }
})
