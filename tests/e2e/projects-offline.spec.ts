/**
 * Writes made with no network (src/features/projects/api/offline-queue.ts):
 * they wait, shown in order, survive the page going away, and go one request
 * each, checked first, once the network is back.
 */
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD } from './local-aws'
import { signInWith, startIn, UI, type Language } from './mfa-support'
import { someoneElse, watchRequests } from './projects-support'

const T = {
  en: {
    name: 'Name',
    create: 'Create project',
    offline: /^You are offline\./,
    queue: 'Waiting for the network',
    cancel: 'Cancel',
    rename: (name: string) => `Rename “${name}”`,
    newName: /^New name/,
    remove: (name: string) => `Delete “${name}”`,
    confirm: 'Delete',
    queuedCreate: (name: string) => `Create “${name}”`,
    queuedRename: (name: string, to: string) => `Rename “${name}” to “${to}”`,
    queuedDelete: (name: string) => `Delete “${name}”`,
    gone: (name: string, to: string) =>
      `“${name}” was deleted by someone else, so it was not renamed to “${to}”.`,
    createAgain: (to: string) => `Create “${to}” again`,
  },
  ja: {
    name: '名前',
    create: 'プロジェクトを作成',
    offline: /^オフラインです。/,
    queue: 'ネットワーク待ち',
    cancel: '取り消す',
    rename: (name: string) => `「${name}」の名前を変更`,
    newName: /の新しい名前$/,
    remove: (name: string) => `「${name}」を削除`,
    confirm: '削除',
    queuedCreate: (name: string) => `「${name}」を作成`,
    queuedRename: (name: string, to: string) => `「${name}」の名前を「${to}」に変更`,
    queuedDelete: (name: string) => `「${name}」を削除`,
    gone: (name: string, to: string) =>
      `「${name}」はほかの人が削除したため、「${to}」に名前を変更していません。`,
    createAgain: (to: string) => `「${to}」として作成し直す`,
  },
} satisfies Record<Language, unknown>

async function signIn(page: Page, request: APIRequestContext, language: Language) {
  await startIn(page, language)
  const email = await createConfirmedUser(request)
  await page.goto('/projects')
  await page.getByLabel(UI[language].email).fill(email)
  await page.getByLabel(UI[language].password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: UI[language].signIn }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByRole('button', { name: T[language].create })).toBeVisible()
  await page.waitForLoadState('networkidle')
}

const LIST = { en: 'Projects', ja: 'プロジェクト' }
const list = (page: Page, language: Language = 'en') =>
  page.getByRole('list', { name: LIST[language], exact: true })
const queue = (page: Page, language: Language) =>
  page.getByRole('region', { name: T[language].queue })

async function create(page: Page, language: Language, name: string) {
  await page.getByLabel(T[language].name, { exact: true }).fill(name)
  await page.getByRole('button', { name: T[language].create }).click()
  await expect(list(page, language).getByText(name, { exact: true })).toBeVisible()
}

async function rename(page: Page, language: Language, from: string, to: string) {
  await page.getByRole('button', { name: T[language].rename(from) }).click()
  await page.getByRole('textbox', { name: T[language].newName }).fill(to)
  await page.keyboard.press('Enter')
}

for (const language of ['en', 'ja'] as const) {
  const t = T[language]

  test.describe(() => {
    test.use({ serviceWorkers: 'allow' })
    test(`offline, a create, a rename and a delete wait in order; the page is closed and the app opened again offline, from the service worker; back online, they go one request each (${language}) @local-mode`, async ({
      page,
      context,
      request,
    }) => {
      const stamp = `${language} ${Date.now()}`
      const [kept, gone, made] = [`Kept ${stamp}`, `Gone ${stamp}`, `Made ${stamp}`]
      await signIn(page, request, language)
      // Installed once the first page has loaded (src/main.tsx).
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      await create(page, language, kept)
      await create(page, language, gone)

      await context.setOffline(true)
      await expect(page.getByRole('status').filter({ hasText: t.offline })).toBeVisible()
      await create(page, language, made)
      await rename(page, language, kept, `${kept} renamed`)
      await page.getByRole('button', { name: t.remove(gone) }).click()
      await list(page, language).getByRole('button', { name: t.confirm, exact: true }).click()

      const waiting = [
        t.queuedCreate(made),
        t.queuedRename(kept, `${kept} renamed`),
        t.queuedDelete(gone),
      ]
      await expect(queue(page, language).getByRole('listitem')).toHaveText(
        waiting.map((text) => `${text} ${t.cancel}`),
      )
      await expect(list(page, language).getByText(`${kept} renamed`)).toBeVisible()
      await expect(list(page, language).getByText(gone, { exact: true })).toHaveCount(0)

      // The page is closed while the writes wait, and the app opened again, still offline:
      // the service worker has it.
      const again = await context.newPage()
      await page.close()
      await again.goto('/projects')
      await expect(again.getByRole('status').filter({ hasText: t.offline })).toBeVisible()
      await expect(queue(again, language).getByRole('listitem')).toHaveText(
        waiting.map((text) => `${text} ${t.cancel}`),
      )
      await expect(list(again, language).getByText(`${kept} renamed`)).toBeVisible()
      await expect(list(again, language).getByText(made, { exact: true })).toBeVisible()

      const sent = watchRequests(again)
      await context.setOffline(false)
      await expect(queue(again, language)).toHaveCount(0)
      await expect(list(again, language).getByText(made, { exact: true })).toBeVisible()
      await expect(
        list(again, language).getByText(`${kept} renamed`, { exact: true }),
      ).toBeVisible()
      await expect(list(again, language).getByText(gone, { exact: true })).toHaveCount(0)
      // One GET (the check the queued writes need, which is also the page's), then one request each, in order.
      await expect
        .poll(() => sent.api.map((r) => r.method))
        .toEqual(['GET', 'POST', 'PUT', 'DELETE'])
      const other = await someoneElse(request)
      const names = await other.names()
      expect(names).toContain(made)
      expect(names).toContain(`${kept} renamed`)
      expect(names).not.toContain(gone)
    })
  })

  test(`someone deletes a project while this user's rename of it waits: the user is asked, and it is not re-created (${language}) @local-mode`, async ({
    page,
    context,
    request,
  }) => {
    const name = `Shared ${language} ${Date.now()}`
    await signIn(page, request, language)
    await create(page, language, name)
    const other = await someoneElse(request)
    await expect.poll(() => other.names()).toContain(name)

    await context.setOffline(true)
    await rename(page, language, name, `${name} 2`)
    await expect(queue(page, language).getByRole('listitem')).toHaveCount(1)
    expect((await other.delete(await other.idOf(name))).ok()).toBe(true)

    const sent = watchRequests(page)
    await context.setOffline(false)
    await expect(
      page.getByRole('alert').filter({ hasText: t.gone(name, `${name} 2`) }),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: t.createAgain(`${name} 2`) })).toBeVisible()
    await expect(list(page, language).getByText(name, { exact: true })).toHaveCount(0)
    expect(sent.api.map((r) => r.method)).toEqual(['GET'])
    expect(await other.names()).not.toContain(`${name} 2`)
    expect(await other.names()).not.toContain(name)
  })
}

test('two tabs offline: the writes each made are sent once, by one tab, and both show the end @local-mode', async ({
  page,
  context,
  request,
}) => {
  const name = `Two tabs ${Date.now()}`
  await signIn(page, request, 'en')
  const second = await context.newPage()
  await second.goto('/projects')
  await expect(second.getByRole('button', { name: 'Create project' })).toBeVisible()
  await second.waitForLoadState('networkidle')

  await context.setOffline(true)
  await create(page, 'en', `${name} A`)
  await create(second, 'en', `${name} B`)
  const fromFirst = watchRequests(page)
  const fromSecond = watchRequests(second)
  await context.setOffline(false)
  for (const tab of [page, second]) {
    await expect(list(tab).getByText(`${name} A`, { exact: true })).toBeVisible()
    await expect(list(tab).getByText(`${name} B`, { exact: true })).toBeVisible()
  }
  const posts = [...fromFirst.api, ...fromSecond.api].filter((r) => r.method === 'POST')
  expect(posts.map((r) => (r.body as { name: string }).name).sort()).toEqual([
    `${name} A`,
    `${name} B`,
  ])
})

for (const language of ['en', 'ja'] as const) {
  test(`signing out with writes waiting removes them: the next user in this browser sends nothing of them (${language}) @local-mode`, async ({
    page,
    context,
    request,
  }) => {
    const name = `Left behind ${Date.now()}`
    await signIn(page, request, language)
    await context.setOffline(true)
    await create(page, language, name)
    await expect(queue(page, language).getByRole('listitem')).toHaveCount(1)
    await page.getByRole('banner').getByRole('button', { name: UI[language].signOut }).click()
    await expect(
      page.getByRole('heading', { name: UI[language].signIn, exact: true }),
    ).toBeVisible()
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('projects-console.queue.')),
      ),
    ).toEqual([])
    await context.setOffline(false)

    const sent = watchRequests(page)
    const next = await createConfirmedUser(request)
    await signInWith(page, next, PASSWORD, language)
    await expect(page.getByRole('button', { name: T[language].create })).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expect(queue(page, language)).toHaveCount(0)
    expect(sent.api.map((r) => r.method)).toEqual(['GET'])
    expect(await (await someoneElse(request)).names()).not.toContain(name)
  })
}
