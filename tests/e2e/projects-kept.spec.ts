/**
 * The list kept between visits (src/features/projects/api/persisted-list.ts):
 * a returning user sees the last list before the page's GET answers, marked
 * with its time, and nothing of it outlives the session.
 */
import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD } from './local-aws'
import { startIn, UI, type Language } from './mfa-support'
import { API_PATH } from './projects-support'

const KEPT = {
  en: {
    create: 'Create project',
    name: 'Name',
    asOf: /^The list as of .*\d:\d\d.*from your last visit/,
  },
  ja: {
    create: 'プロジェクトを作成',
    name: '名前',
    asOf: /^前回表示した .*\d:\d\d 時点の一覧です/,
  },
}

const keptKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('projects-console.list.')),
  )

const keptLists = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('projects-console.list.'))
      .map((key) => localStorage.getItem(key) ?? ''),
  )

/** Holds the list's GETs (the document's early one included) until `release()`. */
async function holdListRequests(page: Page) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const handler = async (route: Route) => {
    if (route.request().method() !== 'GET') return route.fallback()
    await released
    await route.fallback()
  }
  await page.route((url) => url.pathname === API_PATH, handler)
  return release
}

async function signIn(page: Page, email: string, language: Language) {
  await page.getByLabel(UI[language].email).fill(email)
  await page.getByLabel(UI[language].password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: UI[language].signIn }).click()
  await expect(page).toHaveURL(/\/projects$/)
}

for (const language of ['en', 'ja'] as const) {
  test(`a returning user sees the last list at once, marked with its time, then the answered one (${language})`, async ({
    page,
    request,
  }) => {
    const t = KEPT[language]
    await startIn(page, language)
    const email = await createConfirmedUser(request)
    await page.goto('/projects')
    await signIn(page, email, language)
    const name = `Kept ${language} ${Date.now()}`
    await page.getByLabel(t.name, { exact: true }).fill(name)
    await page.getByRole('button', { name: t.create }).click()
    await expect(page.getByRole('list').getByText(name)).toBeVisible()
    await expect.poll(async () => (await keptLists(page)).join()).toContain(name)

    const release = await holdListRequests(page)
    await page.reload()
    await expect(page.getByRole('list').getByText(name)).toBeVisible()
    await expect(page.getByText(t.asOf)).toBeVisible()
    release()
    await expect(page.getByText(t.asOf)).toHaveCount(0)
    await expect(page.getByRole('list').getByText(name)).toBeVisible()
  })
}

for (const language of ['en', 'ja'] as const) {
  test(`signing out leaves no kept list, and the next user here waits for their own (${language})`, async ({
    page,
    request,
  }) => {
    const t = KEPT[language]
    await startIn(page, language)
    const first = await createConfirmedUser(request)
    await page.goto('/projects')
    await signIn(page, first, language)
    await expect(page.getByRole('button', { name: t.create })).toBeVisible()
    await expect.poll(async () => (await keptLists(page)).length).toBe(1)

    await page.getByRole('banner').getByRole('button', { name: UI[language].signOut }).click()
    await expect(
      page.getByRole('heading', { name: UI[language].signIn, exact: true }),
    ).toBeVisible()
    expect(await keptLists(page)).toEqual([])

    const second = await createConfirmedUser(request)
    await signIn(page, second, language)
    await expect(page.getByText(t.asOf)).toHaveCount(0)
    await expect(page.getByRole('button', { name: t.create })).toBeVisible()
    // What is kept now is the second user's own answer, under their name only.
    await expect
      .poll(() => keptKeys(page))
      .toEqual([expect.stringMatching(new RegExp(`\\.${second}$`))])
  })
}
