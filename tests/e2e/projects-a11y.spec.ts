import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { forgetKeptList, signIn } from './projects-support'

async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on the projects screen (${state})`,
  ).toEqual([])
}

test('the projects screens pass axe in English and Japanese, and work by keyboard', async ({
  page,
  request,
}) => {
  await signIn(page, request)
  const list = page.getByRole('list', { name: 'Projects' })

  // Create two projects by keyboard alone, one with hostile content.
  await page.getByRole('textbox', { name: 'Name', exact: true }).focus()
  await page.keyboard.type('مشروع 🧘 <b>bold</b>')
  await page.keyboard.press('Enter')
  await expect(list.getByText('مشروع 🧘 <b>bold</b>')).toBeVisible()
  await page.keyboard.type('Stretching')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Space') // the default checkbox
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(list.getByText('Stretching', { exact: true })).toBeVisible()
  await expectNoViolations(page, 'list, en')

  // Rename by keyboard: focus the button, Enter opens the editor, Escape cancels.
  await page.getByRole('button', { name: 'Rename “Stretching”' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'New name for “Stretching”' })).toBeFocused()
  await expectNoViolations(page, 'renaming, en')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Rename “Stretching”' })).toBeFocused()

  // Delete by keyboard: Tab to Delete, confirm with Enter; focus lands on Undo.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeFocused()
  await expectNoViolations(page, 'confirming a delete, en')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused()
  await expectNoViolations(page, 'after a delete, en')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Restored “Stretching”.' })).toBeVisible()

  await page.getByRole('combobox', { name: 'Language' }).selectOption('日本語')
  await expect(page.getByRole('heading', { name: 'プロジェクト', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await expectNoViolations(page, 'list, ja')
  await page.getByRole('button', { name: '「Stretching」を削除' }).click()
  await expectNoViolations(page, 'confirming a delete, ja')
  await page.getByRole('button', { name: '残す' }).click()

  // The error state, in Japanese: the API fails.
  await page.route('**/local-aws/dev_1/projects', (route) =>
    route.fulfill({ status: 502, body: '{"message": "Internal server error"}' }),
  )
  await forgetKeptList(page)
  await page.reload()
  await expect(
    page.getByRole('alert').filter({ hasText: 'プロジェクトを読み込めませんでした' }),
  ).toBeVisible({
    timeout: 15_000,
  })
  await expectNoViolations(page, 'load error, ja')
})
