import type { Browser, Locator, Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'
import { API_PATH, signIn } from './projects-support'

/**
 * How many round trips a page's code needs, counted without timing: every JS
 * and CSS response is held until the page has asked for all it can without
 * them, then that wave is released together. A request that appears only
 * after a release needed something from the previous wave: it is the next
 * wave. Counting stops when `ready` shows (a form, a list): what loads after
 * that did not delay it.
 */
async function codeWaves(page: Page, url: string, ready: Locator): Promise<string[][]> {
  let held: { route: Route; file: string }[] = []
  let lastRequestAt = Date.now()
  let counting = true
  await page.route(/\/assets\/[^/]+\.(js|css)$/, async (route) => {
    if (!counting) return route.continue()
    held.push({ route, file: new URL(route.request().url()).pathname.split('/').pop() ?? '' })
    lastRequestAt = Date.now()
  })
  const waves: string[][] = []
  const release = async () => {
    const wave = held
    held = []
    await Promise.all(wave.map(({ route }) => route.continue()))
    return wave.map(({ file }) => file).sort()
  }
  await page.goto(url, { waitUntil: 'commit' })
  const deadline = Date.now() + 30_000
  while (!(await ready.isVisible())) {
    expect(Date.now(), `${url}: still not ready after ${waves.length} waves`).toBeLessThan(deadline)
    // Everything the parser and the modules run so far could ask for has been asked for.
    if (held.length > 0 && Date.now() - lastRequestAt > 500) waves.push(await release())
    await page.waitForTimeout(50)
  }
  counting = false
  await release()
  return waves
}

/** A new browser context with the stored session of a user signed in through the app. */
async function returningUser(browser: Browser, page: Page, request: Page['request']) {
  await signIn(page, request)
  // As a returning user has it: the list kept from the last visit. The entry is written at
  // most every 250 ms, and may first be written before the GET answered, holding no list.
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.entries(localStorage).some(
          ([key, value]) =>
            key.startsWith('projects-console.list.') &&
            (JSON.parse(value) as { clientState: { queries: unknown[] } }).clientState.queries
              .length > 0,
        ),
      ),
    )
    .toBe(true)
  return browser.newContext({ storageState: await page.context().storageState() })
}

test('a returning user on /projects: the HTML, then one wave with all the code the page needs', async ({
  browser,
  page,
  request,
}) => {
  const context = await returningUser(browser, page, request)
  const again = await context.newPage()
  const waves = await codeWaves(
    again,
    '/projects',
    again.getByRole('button', { name: 'Create project' }),
  )
  expect(waves, JSON.stringify(waves)).toHaveLength(1)
  expect(waves[0]?.some((file) => /^projects-[\w-]+\.js$/.test(file))).toBe(true)
  await context.close()
})

test('the projects request starts with the code: it goes out while the app and the projects chunk are still on their way', async ({
  browser,
  page,
  request,
}) => {
  const context = await returningUser(browser, page, request)
  const again = await context.newPage()
  let chunkRequested = false
  let listRequested = false
  const gets: string[] = []
  again.on('request', (sent) => {
    if (new URL(sent.url()).pathname !== API_PATH) return
    gets.push(sent.method())
    listRequested = true
  })
  // The app's entry chunk (React, the router, TanStack Query) and the projects chunk
  // are held until the list's request has gone out; were the request started
  // by their code, it would never go out.
  await again.route(/\/assets\/(index|projects)-[\w-]+\.js$/, async (route) => {
    chunkRequested = true
    await expect.poll(() => listRequested, { timeout: 15_000 }).toBe(true)
    await route.continue()
  })
  // The answer is held too: the page shows before its data arrives.
  let answerList = () => {}
  const answered = new Promise<void>((resolve) => (answerList = resolve))
  await again.route(`**${API_PATH}`, async (route) => {
    await answered
    await route.continue()
  })

  await again.goto('/projects', { waitUntil: 'commit' })
  await expect.poll(() => listRequested, { timeout: 15_000 }).toBe(true)
  expect(chunkRequested).toBe(true)
  await expect(again.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible()
  // The kept list, marked, while the GET is out.
  await expect(again.getByRole('status').filter({ hasText: /from your last visit/ })).toBeVisible()
  answerList()
  await expect(again.getByRole('button', { name: 'Create project' })).toBeVisible()
  await again.waitForLoadState('networkidle')
  expect(gets).toEqual(['GET'])
  await context.close()
})
test('a first visit to /sign-in: the form comes with the HTML, and one wave of code makes it work', async ({
  page,
}) => {
  const srpRequests: string[] = []
  page.on('request', (sent) => {
    if (/\/assets\/auth-flows-[\w-]+\.js$/.test(sent.url())) srpRequests.push(sent.url())
  })
  // Prerendered: on screen before any code has arrived, its submit disabled until the code runs.
  await page.route(/\/assets\/[^/]+\.(js|css)$/, () => {})
  await page.goto('/sign-in', { waitUntil: 'commit' })
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  await page.unrouteAll({ behavior: 'ignoreErrors' })

  const submit = page.getByRole('button', { name: 'Sign in' })
  const waves = await codeWaves(page, '/sign-in', submit.and(page.locator(':enabled')))
  expect(waves, JSON.stringify(waves)).toHaveLength(1)
  expect(waves[0]?.some((file) => /^sign-in-[\w-]+\.js$/.test(file))).toBe(true)
  // Amplify's SRP code is not among them, nor loaded while the page sits untouched
  // (it would only add to the load's work and bytes)...
  await page.waitForLoadState('networkidle')
  expect(srpRequests).toEqual([])
  // ...but as soon as the user turns to the form.
  const srpCode = page.waitForRequest(/\/assets\/auth-flows-[\w-]+\.js$/)
  await page.getByRole('textbox', { name: 'Email' }).focus()
  await srpCode
})

test('neither first screen waits for Amplify: the stored session draws them, and a fresh session never loads it', async ({
  browser,
  page,
  request,
}) => {
  // Every chunk with Amplify's core in it (its user agent names it) is held
  // until the screen shows: were the screen to need Amplify, it never would.
  const holdAmplify = async (target: Page) => {
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const arrived = new Promise<void>((resolve) => {
      void target.route(/\/assets\/[\w-]+\.js$/, async (route) => {
        const response = await route.fetch()
        const body = await response.text()
        if (body.includes('aws-amplify')) {
          await released
          resolve()
        }
        await route.fulfill({ response, body })
      })
    })
    return { release, arrived }
  }

  // A new visitor: the form, with nobody signed in, without a "checking" pause.
  const form = await holdAmplify(page)
  await page.goto('/sign-in')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  form.release()
  await page.unrouteAll({ behavior: 'wait' })

  // A returning user: their list, and their name in the header, from the stored session.
  const email = await signIn(page, request)
  const context = await browser.newContext({ storageState: await page.context().storageState() })
  const again = await context.newPage()
  const list = await holdAmplify(again)
  await again.goto('/projects')
  await expect(again.getByRole('button', { name: 'Create project' })).toBeVisible()
  await expect(again.getByRole('link', { name: new RegExp(email) })).toBeVisible()
  // While the token is fresh nothing needs Amplify: it is not downloaded at all.
  let amplifyLoaded = false
  void list.arrived.then(() => (amplifyLoaded = true))
  list.release()
  await again.waitForLoadState('networkidle')
  expect(amplifyLoaded).toBe(false)
  // Signing out in another tab ends the session in this one.
  const other = await context.newPage()
  await other.goto('/account')
  await other.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(again.getByText('You signed out in another tab.')).toBeVisible()
  await context.close()
})
