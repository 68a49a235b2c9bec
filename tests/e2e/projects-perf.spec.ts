import type { Page } from '@playwright/test'
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

test('10,000 projects render and filter without jank', async ({ page, request }) => {
  const virtualiser = virtualiserDownloads(page)
  await signIn(page, request)
  await page.route('**/local-aws/dev_1/projects', (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: projects }) : route.fallback(),
  )
  // Long tasks (> 50 ms on the main thread) while the list loads and while typing.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })

  await page.goto('/projects')
  const count = page.locator('.project-count')
  await expect(count).toHaveText('10,000 projects')
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
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []))
  const query = 'echo 1'
  const perKey: number[] = []
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
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  )

  const figures = {
    firstRenderSinceNavigationMs: Math.round(firstRender.sinceNavigation),
    firstRenderSinceResponseMs: Math.round(firstRender.sinceResponse),
    keystrokeToUpdatedListMs: perKey.map(Math.round),
    keystrokeMaxMs: Math.round(Math.max(...perKey)),
    longestTaskWhileTypingMs: Math.round(Math.max(0, ...longTasks)),
  }
  console.log(`projects perf (10,000): ${JSON.stringify(figures)}`)
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(figures) })

  // Generous bounds: they catch a list that isn't virtualised or a filter that blocks typing.
  expect(firstRender.sinceResponse).toBeLessThan(1500)
  expect(Math.max(...perKey)).toBeLessThan(250)
  expect(Math.max(0, ...longTasks)).toBeLessThan(200)
  await expect(page.getByRole('listitem').first()).toContainText('Echo 1')
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
