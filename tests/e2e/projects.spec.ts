import { expect, test } from './fixtures'
import { API_PATH, signIn, watchRequests, type Sent } from './projects-support'

const keys = (sent: Sent | undefined) => Object.keys((sent?.body ?? {}) as object).sort()

test('create, rename, delete, undo and delete again: one request each, in the contract’s shapes', async ({
  page,
  request,
}) => {
  await signIn(page, request)
  const sent = watchRequests(page)

  // Opening the page (a fresh load, session read from storage) is one API request and no Cognito call.
  await page.goto('/projects')
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create project' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(sent.api.map((r) => r.method)).toEqual(['GET'])

  const settled = (method: string) =>
    page.waitForResponse(
      (r) => new URL(r.url()).pathname === API_PATH && r.request().method() === method,
    )

  // Create "Typing": the id is chosen for us, sent as a JSON number.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Typing')
  let answered = settled('POST')
  await page.getByRole('button', { name: 'Create project' }).click()
  const list = page.getByRole('list', { name: 'Projects' })
  await expect(list.getByText('Typing', { exact: true })).toBeVisible()
  expect((await answered).status()).toBe(200)
  await expect(page.getByRole('status').filter({ hasText: /Created “Typing”/ })).toBeVisible()
  const post = sent.api[1]
  expect(keys(post)).toEqual(['is-default', 'name', 'project-id'])
  const body = post?.body as { 'project-id': unknown; name: unknown; 'is-default': unknown }
  expect(typeof body['project-id']).toBe('number')
  expect(Number.isInteger(body['project-id'])).toBe(true)
  expect(body).toMatchObject({ name: 'Typing', 'is-default': false })
  const id = body['project-id'] as number
  await expect(page.getByText(`id ${id}`, { exact: true })).toBeVisible()

  // Rename it in place to "Yoga".
  await page.getByRole('button', { name: 'Rename “Typing”' }).click()
  await page.getByRole('textbox', { name: 'New name for “Typing”' }).fill('Yoga')
  answered = settled('PUT')
  await page.keyboard.press('Enter')
  await expect(list.getByText('Yoga', { exact: true })).toBeVisible()
  await answered
  await expect(page.getByRole('button', { name: 'Rename “Yoga”' })).toBeFocused()
  expect(sent.api[2]).toEqual({ method: 'PUT', body: { 'project-id': id, name: 'Yoga' } })

  // Delete it, after a confirmation.
  await page.getByRole('button', { name: 'Delete “Yoga”' }).click()
  answered = settled('DELETE')
  await page
    .getByRole('group', { name: 'Delete “Yoga”?' })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(list.getByText('Yoga', { exact: true })).toHaveCount(0)
  await answered
  expect(sent.api[3]).toEqual({ method: 'DELETE', body: { 'project-id': id } })

  // Undo: the same id, name and default flag, in one POST.
  const undo = page.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  answered = settled('POST')
  await undo.click()
  await expect(list.getByText('Yoga', { exact: true })).toBeVisible()
  await answered
  await expect(page.getByRole('status').filter({ hasText: 'Restored “Yoga”.' })).toBeVisible()
  expect(sent.api[4]).toEqual({
    method: 'POST',
    body: { 'project-id': id, name: 'Yoga', 'is-default': false },
  })

  // Delete again.
  await page.getByRole('button', { name: 'Delete “Yoga”' }).click()
  answered = settled('DELETE')
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await answered
  await expect(list.getByText('Yoga', { exact: true })).toHaveCount(0)

  await page.waitForLoadState('networkidle')
  expect(sent.api.map((r) => r.method)).toEqual(['GET', 'POST', 'PUT', 'DELETE', 'POST', 'DELETE'])
  expect(sent.api[5]?.body).toEqual({ 'project-id': id })
  expect(sent.cognito, 'no Cognito request while the token is valid').toEqual([])

  // After a reload the server agrees: the project is gone.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Create project' })).toBeVisible()
  await expect(page.getByText(`id ${id}`, { exact: true })).toHaveCount(0)
})
