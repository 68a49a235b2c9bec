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

test('in local mode, a page drawn in the browser never moves once it shows: the banner comes with it', async ({
  page,
}) => {
  // Every layout shift of the page, as the browser measures it for CLS.
  await page.addInitScript(() => {
    // Not in TypeScript's DOM types yet (Layout Instability API).
    type LayoutShift = PerformanceEntry & {
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[]
    }
    const shifts: string[] = []
    const record = (entries: PerformanceEntryList) => {
      for (const entry of entries as LayoutShift[])
        for (const { node, previousRect, currentRect } of entry.sources)
          shifts.push(`${node?.nodeName}: ${previousRect.y} → ${currentRect.y}`)
    }
    const observer = new PerformanceObserver((list) => record(list.getEntries()))
    observer.observe({ type: 'layout-shift', buffered: true })
    Object.assign(window, { layoutShifts: () => (record(observer.takeRecords()), shifts) })
  })
  // Not prerendered: the app draws it, and the banner is code of its own.
  await page.goto('/sign-up/confirm')
  await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeFocused()
  await expect(page.getByRole('complementary', { name: 'E-mailed codes' })).toBeVisible()
  // Two frames later the frame that showed the banner has been laid out and measured.
  const shifts = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    return (window as unknown as { layoutShifts: () => string[] }).layoutShifts()
  })
  expect(shifts, 'what moved after it was on screen').toEqual([])
})
