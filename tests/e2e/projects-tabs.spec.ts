/**
 * One person's tabs in step (src/features/projects/api/list-across-tabs.ts):
 * what one tab's write answers shows in the others at once, with no request
 * of theirs.
 */
import { expect, test } from './fixtures'
import { signIn, watchRequests } from './projects-support'

test('a create in one tab shows in the other at once, and a rename there comes back, with no request from the tab that shows it', async ({
  page,
  context,
  request,
}) => {
  await signIn(page, request)
  const other = await context.newPage()
  await other.goto('/projects')
  await expect(other.getByRole('button', { name: 'Create project' })).toBeVisible()
  await other.waitForLoadState('networkidle')

  const fromOther = watchRequests(other)
  const name = `In step ${Date.now()}`
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('list').getByText(name, { exact: true })).toBeVisible()
  await expect(other.getByRole('list').getByText(name, { exact: true })).toBeVisible()
  expect(fromOther.api).toEqual([])
  fromOther.stop()

  const fromFirst = watchRequests(page)
  await other.getByRole('button', { name: `Rename “${name}”` }).click()
  await other.getByRole('textbox', { name: /^New name/ }).fill(`${name} renamed`)
  await other.keyboard.press('Enter')
  await expect(other.getByRole('list').getByText(`${name} renamed`)).toBeVisible()
  await expect(page.getByRole('list').getByText(`${name} renamed`)).toBeVisible()
  expect(fromFirst.api).toEqual([])
})
