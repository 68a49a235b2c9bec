import type { Browser, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { signIn } from './projects-support'

/**
 * 10,000 projects, in the API's own wire format (ids as decimal strings, some in
 * exponent notation, attributes in any order). They are served by intercepting
 * GET /projects: seeding them through the emulator's API would take 10,000
 * POSTs, each answered with the whole growing list (about 3 GB of JSON in all).
 */
const COUNT = 10_000
const words = [
  'Alpha',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'ヨガ',
  'タイピング',
  'مشروع',
  'Sprint',
]
const projects = Array.from({ length: COUNT }, (_, i) => {
  const id = i + 1
  return {
    name: `${words[i % words.length]} ${id}`,
    'project-id':
      id % 4 === 0 ? `0.${String(id).replace(/0+$/, '')}e${String(id).length}` : String(id),
    ...(i % 3 === 0 ? {} : { 'is-default': i === 1 }),
  }
})
const matching = (query: string) =>
  projects.filter((p) => p.name.toLowerCase().includes(query.toLowerCase())).length

/** Requests for the virtualiser's chunk, which only a list of over 200 projects loads. */
function virtualiserDownloads(page: Page) {
  const urls: string[] = []
  page.on('request', (req) => {
    if (/\/assets\/virtual-project-list-[^/]*\.js$/.test(req.url())) urls.push(req.url())
  })
  return urls
}

/**
 * How long the page's main thread was blocked: the CPU time (ms) of each task
 * it ran during `run`, from a Chromium trace. Unlike wall-clock time, a busy
 * machine doesn't stretch it (a task waiting for a core doesn't count the
 * wait), while a task doing long work counts it wherever it runs.
 */
async function mainThreadTasks(browser: Browser, page: Page, run: () => Promise<void>) {
  await browser.startTracing(page, {
    categories: ['toplevel', 'disabled-by-default-devtools.timeline'],
  })
  let trace: { traceEvents: TraceEvent[] }
  try {
    await run()
  } finally {
    trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as typeof trace
  }
  const events = trace.traceEvents
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  )
  const tasks = events.filter(
    (event) =>
      event.name === 'RunTask' && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`),
  )
  expect(tasks.length, 'main-thread tasks in the trace').toBeGreaterThan(0)
  return tasks.map((event) => (event.tdur ?? 0) / 1000)
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  /** The task's thread (CPU) time, in µs. */
  tdur?: number
  args?: { name?: string }
}

/** Work a user feels: a task this long delays the next keystroke's echo by as much. */
const LONG_TASK_MS = 200

test('10,000 projects: the list stays virtualised, and no long work blocks typing in the filter', async ({
  page,
  request,
  browser,
}) => {
  const virtualiser = virtualiserDownloads(page)
  await signIn(page, request)
  await page.route('**/local-aws/dev_1/projects', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: projects }) : route.fallback(),
  )

  const count = page.locator('.project-count')
  const loading = await mainThreadTasks(browser, page, async () => {
    await page.goto('/projects')
    await expect(count).toHaveText('10,000 projects')
  })
  const firstRender = await page.evaluate(() => {
    const response = performance
      .getEntriesByType('resource')
      .find((entry) =>
        entry.name.endsWith('/local-aws/dev_1/projects'),
      ) as PerformanceResourceTiming
    return {
      sinceNavigation: performance.now(),
      sinceResponse: performance.now() - response.responseEnd,
    }
  })
  // Virtualised: the list is long enough to load the virtualiser, and only a screenful is drawn.
  await expect(page.locator('.project-list.virtualised')).toBeVisible()
  expect(virtualiser).toHaveLength(1)
  expect(await page.locator('.project-row').count()).toBeLessThan(100)
  await expect(page.getByRole('listitem').first()).toContainText('Bravo 2') // the default, first

  const filter = page.getByRole('searchbox', { name: 'Filter projects' })
  await filter.focus()
  // Counts the list updates made within a keystroke's own input event. A
  // deferred filter leaves the event to echo the key and catches up in a task
  // of its own; one that filters in the event makes every key wait for the list.
  await filter.evaluate((box) => {
    const shown = document.querySelector('.project-count')!
    const state = { inKeystroke: false, listUpdatedInKeystroke: 0 }
    Object.assign(window, { filterState: state })
    box.addEventListener('input', () => (state.inKeystroke = true))
    // The app's own handler runs between the two, at the root, with its synchronous render.
    window.addEventListener('input', () => (state.inKeystroke = false))
    new MutationObserver(() => {
      if (state.inKeystroke) state.listUpdatedInKeystroke += 1
    }).observe(shown, { childList: true, characterData: true, subtree: true })
  })
  const query = 'echo 1'
  const perKey: number[] = []
  const typing = await mainThreadTasks(browser, page, async () => {
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i)
      const expected = `${matching(typed).toLocaleString('en')} of 10,000 projects`
      const start = await page.evaluate(() => performance.now())
      await page.keyboard.press(query[i - 1] === ' ' ? 'Space' : query[i - 1]!)
      await page.waitForFunction(
        (text) => document.querySelector('.project-count')?.textContent === text,
        expected,
      )
      perKey.push((await page.evaluate(() => performance.now())) - start)
    }
  })
  await expect(filter).toHaveValue(query)
  await expect(page.getByRole('listitem').first()).toContainText('Echo 1')
  const { listUpdatedInKeystroke } = await page.evaluate(
    () => (window as unknown as { filterState: { listUpdatedInKeystroke: number } }).filterState,
  )

  const figures = {
    firstRenderSinceNavigationMs: Math.round(firstRender.sinceNavigation),
    firstRenderSinceResponseMs: Math.round(firstRender.sinceResponse),
    longestTaskWhileLoadingCpuMs: Math.round(Math.max(...loading)),
    keystrokeToUpdatedListMs: perKey.map(Math.round),
    longestTaskWhileTypingCpuMs: Math.round(Math.max(...typing)),
  }
  console.log(`projects perf (10,000): ${JSON.stringify(figures)}`)
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(figures) })

  // Wall-clock figures are printed, not asserted: a busy machine stretches them.
  expect(listUpdatedInKeystroke, 'list updates made within a keystroke').toBe(0)
  expect(Math.max(...loading), 'longest main-thread task while loading, CPU ms').toBeLessThan(
    LONG_TASK_MS,
  )
  expect(Math.max(...typing), 'longest main-thread task while typing, CPU ms').toBeLessThan(
    LONG_TASK_MS,
  )
})

test('a list of up to 200 projects is drawn whole, without the virtualiser', async ({
  page,
  request,
}) => {
  const virtualiser = virtualiserDownloads(page)
  await signIn(page, request)
  const two100 = projects.slice(0, 200)
  await page.route('**/local-aws/dev_1/projects', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: two100 }) : route.fallback(),
  )
  await page.goto('/projects')
  await expect(page.locator('.project-count')).toHaveText('200 projects')
  const list = page.getByRole('list', { name: 'Projects' })
  await expect(list.getByRole('listitem')).toHaveCount(200)

  // Focus that goes back to a row scrolls it into view: cancel renaming the last row
  // after the list has been scrolled away from it.
  const last = list.getByRole('listitem').last()
  await last.getByRole('button', { name: /^Rename/ }).click()
  const box = last.getByRole('textbox')
  await expect(box).toBeFocused()
  await page.locator('.project-scroller').evaluate((scroller) => (scroller.scrollTop = 0))
  await expect(last).not.toBeInViewport()
  await page.keyboard.press('Escape')
  const rename = last.getByRole('button', { name: /^Rename/ })
  await expect(rename).toBeFocused()
  await expect(rename).toBeInViewport()

  await page.waitForLoadState('networkidle')
  expect(virtualiser).toEqual([])
})
