import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { signIn, someoneElse, watchRequests } from './projects-support'

const list = (page: Page) => page.getByRole('list', { name: 'Projects' })

async function create(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Created “${name}”` })).toBeVisible()
}

async function rename(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: `Rename “${from}”` }).click()
  await page.getByRole('textbox', { name: `New name for “${from}”` }).fill(to)
  await page.keyboard.press('Enter')
}

/**
 * Two people on one emulator. The first tab runs on Playwright's fake clock,
 * so "within a minute" and "a copy a few seconds old" take no real time.
 */
test('the first person sees the second’s deletes and renames within a minute, and a stale rename is refused', async ({
  page,
  browser,
  request,
}) => {
  const stamp = Date.now()
  const [keep, gone, later] = [`Kept ${stamp}`, `Gone ${stamp}`, `Later ${stamp}`]
  await signIn(page, request)
  for (const name of [keep, gone, later]) await create(page, name)

  const second = await browser.newContext()
  const other = await second.newPage()
  await signIn(other, request)

  await page.clock.install()
  await page.reload()
  await expect(list(page).getByText(gone, { exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const sent = watchRequests(page)

  // The second person deletes one project and renames another.
  await other.getByRole('button', { name: `Delete “${gone}”` }).click()
  await other.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(list(other).getByText(gone, { exact: true })).toHaveCount(0)
  await rename(other, keep, `${keep} (renamed)`)
  await expect(other.getByRole('status').filter({ hasText: 'Renamed' })).toBeVisible()

  // Within a minute the first sees both, from one GET, without a reload.
  await page.clock.fastForward(60_000)
  await expect(list(page).getByText(`${keep} (renamed)`, { exact: true })).toBeVisible()
  await expect(list(page).getByText(gone, { exact: true })).toHaveCount(0)
  expect(sent.api.map((r) => r.method)).toEqual(['GET'])

  // The second deletes another; the first, with a list 10 s old, tries to rename it.
  await other.getByRole('button', { name: `Delete “${later}”` }).click()
  await other.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(list(other).getByText(later, { exact: true })).toHaveCount(0)
  await page.clock.fastForward(10_000)
  await rename(page, later, 'Brought back?')
  await expect(
    page.getByRole('alert').filter({
      hasText: `“${later}” was deleted by someone else, so it was not renamed to “Brought back?”.`,
    }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create “Brought back?” again' })).toBeVisible()
  await expect(list(page).getByText(later, { exact: true })).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  // One GET to check, and no PUT: the project was not silently re-created.
  expect(sent.api.map((r) => r.method)).toEqual(['GET', 'GET'])

  // Leave the shared emulator as it was.
  await other.getByRole('button', { name: `Delete “${keep} (renamed)”` }).click()
  await other.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(list(other).getByText(`${keep} (renamed)`, { exact: true })).toHaveCount(0)
  await second.close()
})

test('a rename of a project someone else deleted a moment ago, within the freshness window, is undone: the table ends without it, and the user is told', async ({
  page,
  request,
}) => {
  const stamp = Date.now()
  const id = stamp % 1_000_000_000
  const name = `Shared doc ${stamp}`
  // The other person, signed in through Cognito's API, deletes through the API.
  const other = await someoneElse(request)

  await signIn(page, request)
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('textbox', { name: 'Id (optional)' }).fill(String(id))
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Created “${name}”` })).toBeVisible()
  // The page's list is the create's answer, a moment old: it stays that age, so no check runs.
  await page.clock.setFixedTime(new Date())
  const sent = watchRequests(page)

  expect((await other.delete(id)).ok()).toBe(true)
  await rename(page, name, 'Brought back?')

  await expect(
    page.getByRole('alert').filter({
      hasText: `“${name}” was deleted by someone else, so it was not renamed to “Brought back?”.`,
    }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create “Brought back?” again' })).toBeVisible()
  await expect(list(page).getByText(name, { exact: true })).toHaveCount(0)
  await expect(list(page).getByText('Brought back?', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Renamed' })).toHaveCount(0)
  // The PUT re-created it (no check could run); one DELETE took it away again.
  expect(sent.api.map((r) => r.method)).toEqual(['PUT', 'DELETE'])
  expect(await other.ids()).not.toContain(id)
})
