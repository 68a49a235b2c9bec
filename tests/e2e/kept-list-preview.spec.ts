/**
 * The kept list drawn before the app's code arrives (src/app/kept-list-preview.ts),
 * on the production build (playwright.config.ts, project "production"): local
 * mode never draws it, its banner would push the page down. Each test holds the
 * app's entry chunk, so what is on screen meanwhile is the projects document's
 * early module alone; then lets it through and watches React take over.
 */
import type { Page, Route } from '@playwright/test'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD } from './local-aws'
import { startIn, UI, type Language } from './mfa-support'
import { API_PATH, someoneElse } from './projects-support'

const T = {
  en: {
    next: 'Continue',
    usePassword: 'Use my password',
    name: 'Name',
    create: 'Create project',
    asOf: /^The list as of .*from your last visit/,
  },
  ja: {
    next: '次へ',
    usePassword: 'パスワードを使う',
    name: '名前',
    create: 'プロジェクトを作成',
    asOf: /^前回表示した .* 時点の一覧です/,
  },
}

test.beforeAll(async ({ playwright, baseURL }) => {
  // The sign-in this build offers with it: the email first, then a choice of ways, the password among them.
  const request = await playwright.request.newContext({ baseURL })
  await cognito(request, 'UpdateUserPool', {
    UserPoolId,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } },
  })
  await request.dispose()
})

/** Holds every request `matches` picks until `release()`. */
async function hold(page: Page, matches: (url: URL, route: Route) => boolean) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(
    () => true,
    async (route) => {
      if (!matches(new URL(route.request().url()), route)) return route.fallback()
      await released
      await route.fallback()
    },
  )
  return release
}

/** The app's entry chunk: React, the router, TanStack Query and the app start in it. */
const isAppEntry = (url: URL) => /^\/assets\/index-[^/]+\.js$/.test(url.pathname)
const isListGet = (url: URL, route: Route) =>
  url.pathname === API_PATH && route.request().method() === 'GET'

async function signInWithProjects(page: Page, language: Language, names: string[]) {
  const t = UI[language]
  const email = await createConfirmedUser(page.request)
  await page.goto('/sign-in')
  await page.getByLabel(t.email).fill(email)
  await page.getByRole('button', { name: T[language].next }).click()
  await page.getByRole('button', { name: T[language].usePassword }).click()
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: t.signIn }).click()
  await expect(page).toHaveURL(/\/projects$/)
  for (const name of names) {
    await page.getByLabel(T[language].name, { exact: true }).fill(name)
    await page.getByRole('button', { name: T[language].create }).click()
    await expect(page.getByRole('list').getByText(name, { exact: true })).toBeVisible()
  }
  // The list kept for the next visit, written at most every 250 ms.
  if (names.length)
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.entries(localStorage)
            .filter(([key]) => key.startsWith('projects-console.list.'))
            .map(([, value]) => value)
            .join(),
        ),
      )
      .toContain(names.at(-1))
  return email
}

/**
 * An element's markup with each id replaced by the order it first appears in,
 * and attributes sorted: the preview's ids are its own, React's are useId's.
 * The skip link's target, #main, is React's alone: the preview's link is inert.
 */
const canonicalMarkup = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const element = document.querySelector(selector)
    if (!element) return undefined
    const ids = new Map<string, string>()
    const token = (id: string) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size}`)
      return ids.get(id)!
    }
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
      if (!(node instanceof Element)) return ''
      const attributes = [...node.attributes]
        .filter(({ name, value }) => !(name === 'id' && value === 'main'))
        .map(({ name, value }) => {
          if (name === 'id' || name === 'for') return `${name}=${token(value)}`
          if (name === 'aria-labelledby' || name === 'aria-describedby')
            return `${name}=${value.split(' ').map(token).join(' ')}`
          return `${name}=${JSON.stringify(value)}`
        })
        .sort()
      const children = [...node.childNodes].map(walk).join('')
      return `<${node.localName} ${attributes.join(' ')}>${children}</${node.localName}>`
    }
    return [...element.childNodes].map(walk).join('')
  }, selector)

/** What React's first drawing in #root is, taken as it lands (before the preview goes). */
async function recordFirstDrawing(page: Page) {
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      const root = document.getElementById('root')
      if (!root?.firstChild) return
      watch.disconnect()
      const copy = document.createElement('div')
      copy.id = 'first-drawing'
      copy.hidden = true
      copy.append(...[...root.childNodes].map((node) => node.cloneNode(true)))
      ;(window as unknown as { firstDrawing: HTMLElement }).firstDrawing = copy
      ;(window as unknown as { previewAtFirstDrawing: boolean }).previewAtFirstDrawing =
        document.getElementById('kept-list-preview') !== null
    })
    watch.observe(document, { childList: true, subtree: true })
  })
}

/** The page's layout shifts so far, as Chromium scores them. */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((entries) =>
          resolve(
            entries
              .getEntries()
              .reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0),
          ),
        ).observe({ type: 'layout-shift', buffered: true })
        // No entry at all: nothing moved.
        setTimeout(() => resolve(0), 500)
      }),
  )

for (const language of ['en', 'ja'] as const) {
  test(`a returning user's kept list is on screen before the app's code arrives, and React takes over without a shift (${language})`, async ({
    page,
  }) => {
    await startIn(page, language)
    const stamp = `${language} ${Date.now()}`
    const names = ['Zebra crossing', 'Apple <img src=x onerror=alert(1)>', 'Mango'].map(
      (name) => `${name} ${stamp}`,
    )
    await signInWithProjects(page, language, names)

    await recordFirstDrawing(page)
    const releaseEntry = await hold(page, isAppEntry)
    const releaseList = await hold(page, isListGet)
    await page.reload({ waitUntil: 'commit' })
    const preview = page.locator('#kept-list-preview')
    // The table is the whole team's: other tests' projects may be in it too.
    await expect
      .poll(async () =>
        (await preview.locator('.project-name').allTextContents()).filter((name) =>
          names.includes(name),
        ),
      )
      .toEqual([...names].sort())
    await expect(preview.getByText(T[language].asOf)).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    // A name is shown as the text it is.
    await expect(page.locator('img')).toHaveCount(0)
    // A picture, not the page: nothing in it is met by a screen reader, the
    // keyboard or a click.
    await expect(page.getByRole('list')).toHaveCount(0)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
    const rows = await preview
      .locator('.project-row')
      .evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      )
    const pictured = await canonicalMarkup(page, '#kept-list-preview')

    releaseEntry()
    await expect(page.locator('#root').getByRole('list')).toBeVisible()
    await expect(preview).toHaveCount(0)
    expect(await page.evaluate(() => 'previewAtFirstDrawing' in window)).toBe(true)
    // React's first drawing is the page the preview showed, to the attribute.
    await page.evaluate(() =>
      document.body.append((window as unknown as { firstDrawing: HTMLElement }).firstDrawing),
    )
    const drawn = await canonicalMarkup(page, '#first-drawing')
    expect(pictured).toBe(drawn)
    await page.evaluate(() => document.getElementById('first-drawing')?.remove())
    const after = await page
      .locator('#root .project-row')
      .evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      )
    expect(after).toEqual(rows)
    expect(await layoutShift(page)).toBe(0)

    releaseList()
    await expect(page.getByText(T[language].asOf)).toHaveCount(0)
    await expect(page.getByRole('list').getByText(names[2]!, { exact: true })).toBeVisible()
  })
}

test("after one user signs out, the next one's preview is of their own session", async ({
  page,
}) => {
  await startIn(page, 'en')
  const first = await signInWithProjects(page, 'en', [`Of the first user ${Date.now()}`])
  await page.getByRole('banner').getByRole('button', { name: UI.en.signOut }).click()
  await expect(page).toHaveURL(/\/sign-in/)

  const ofTheSecond = `Of the second user ${Date.now()}`
  const second = await signInWithProjects(page, 'en', [ofTheSecond])
  const releaseAgain = await hold(page, isAppEntry)
  await page.reload({ waitUntil: 'commit' })
  const preview = page.locator('#kept-list-preview')
  await expect(preview.getByText(ofTheSecond)).toBeVisible()
  await expect(preview.locator('.account-menu')).toContainText(second)
  await expect(preview).not.toContainText(first)
  releaseAgain()
  await expect(page.getByRole('list').getByText(ofTheSecond)).toBeVisible()
})

test('a project someone else deleted meanwhile is in the preview, and gone from the page React draws when the GET answered first', async ({
  page,
  request,
}) => {
  await startIn(page, 'en')
  const stamp = Date.now()
  const [kept, deleted] = [`Still here ${stamp}`, `Deleted meanwhile ${stamp}`]
  await signInWithProjects(page, 'en', [kept, deleted])
  const other = await someoneElse(request)
  expect((await other.delete(await other.idOf(deleted))).ok()).toBe(true)

  const releaseEntry = await hold(page, isAppEntry)
  const answered = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === API_PATH && response.request().method() === 'GET',
  )
  await page.reload({ waitUntil: 'commit' })
  const preview = page.locator('#kept-list-preview')
  await expect(preview.getByText(deleted, { exact: true })).toBeVisible()
  await expect(preview.getByText(T.en.asOf)).toBeVisible()
  await answered

  releaseEntry()
  await expect(
    page.locator('#root').getByRole('list').getByText(kept, { exact: true }),
  ).toBeVisible()
  await expect(preview).toHaveCount(0)
  await expect(page.getByText(deleted, { exact: true })).toHaveCount(0)
  await expect(page.getByText(T.en.asOf)).toHaveCount(0)
})
