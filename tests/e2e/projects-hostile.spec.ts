import { expect, test } from './fixtures'
import { signIn } from './projects-support'

/**
 * A name full of markup, in a real browser: if it were ever rendered as HTML,
 * the image would be in the list, its handler or the script would run (or, under
 * the strict CSP, be refused, which the fixture reports as a violation).
 */
test('a hostile project name is shown as text and runs nothing', async ({ page, request }) => {
  await signIn(page, request)
  const name = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toBeVisible()

  // From the server's copy, as everyone else would see it.
  await page.reload()
  const list = page.getByRole('list', { name: 'Projects' })
  await expect(list.getByText(name, { exact: true })).toBeVisible()
  await page.getByRole('button', { name: /^Rename “<img src=x onerror=/ }).click()
  await expect(page.getByRole('textbox', { name: /^New name for “<img/ })).toHaveValue(name)
  await page.keyboard.press('Escape')
  expect(await page.locator('main img, main script').count()).toBe(0)
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()

  // Leave the shared emulator as it was.
  await page.getByRole('button', { name: /^Delete “<img src=x onerror=/ }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(list.getByText(name, { exact: true })).toHaveCount(0)
})
