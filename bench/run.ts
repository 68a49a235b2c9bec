/**
 * `npm run bench [-- --runs 3 --app DIR --out FILE]`: this app against the stock
 * `<Authenticator>` app (bench/stock), both built from this node_modules, both
 * served like CloudFront (bench/serve.ts) with the emulator on their origin.
 *
 * - Lighthouse 12, mobile (its simulated throttling), on /sign-in and on stock's
 *   page, `--runs` times each, interleaved.
 * - Playwright journeys on a throttled phone (150 ms RTT, 1.6 Mbps down, 4× CPU,
 *   through CDP): a first visit to /sign-in and a returning visit to /projects
 *   with a stored session (stock: its signed-in page), once with an empty
 *   cache and once with what the browser kept from a visit just before (its
 *   HTTP cache, and our service worker).
 *
 * Prints one table (medians) and writes every run to a JSON file. A benchmark,
 * not a test: on a shared machine timings vary from run to run; the request
 * counts, bytes and waves don't.
 * `--app DIR` measures the app in another checkout (e.g. a worktree of an older
 * commit, with node_modules linked), served by that checkout's own CloudFront Function.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { loadSpaRoutesFunction, viewerRequest } from '../build/cloudfront-function.ts'
import { API_STAGE, DEFAULT_CLIENT_ID, LOCAL_AWS_BASE_PATH } from 'local-aws/defaults'
import { contentSecurityPolicy } from '../vite.config.ts'
import { serveSite } from './serve.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]
const PHONE = { latencyMs: 150, downloadBps: 1_600_000, uploadBps: 750_000, cpuSlowdown: 4 }
const PASSWORD = 'Bench-Password-42'
const API_PATH = `${LOCAL_AWS_BASE_PATH}/${API_STAGE}/projects`
/** What each app shows: the sign-in form, usable (ours comes prerendered, its submit disabled until the code runs), and a signed-in user's first screen. */
const FORM = 'form button[type="submit"]:not([disabled])'
const SIGNED_IN = { app: 'ul[aria-label="Projects"] li', stock: '[data-bench="signed-in"]' }
/**
 * The app's list once React has drawn it, and it answers clicks and keys; until
 * then a returning user may see the kept list's inert picture beside #root
 * (src/app/kept-list-preview.ts). The stock app's page works when it shows.
 */
const WORKING = { app: '#root ul[aria-label="Projects"] li', stock: SIGNED_IN.stock }

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    app: { type: 'string', default: '.' },
    out: { type: 'string', default: 'bench/results.json' },
  },
})
const runs = Number(args.runs)
const appDir = resolve(args.app)
const workDir = join(tmpdir(), `bench-${process.pid}`)

// ---------------------------------------------------------------- build

/**
 * A production build (no local-mode UI) whose pool, client and API are the
 * emulator on the same origin, as a pool with a domain and two identity
 * providers: the sign-in screen shows their buttons.
 */
const appEnv = {
  VITE_USER_POOL_ID: 'local-1_L0calP00l',
  VITE_USER_POOL_CLIENT_ID: DEFAULT_CLIENT_ID,
  VITE_COGNITO_ENDPOINT: LOCAL_AWS_BASE_PATH,
  VITE_API_URL: `${LOCAL_AWS_BASE_PATH}/${API_STAGE}`,
  VITE_OAUTH_DOMAIN: LOCAL_AWS_BASE_PATH,
  VITE_OAUTH_PROVIDERS: 'Google,SignInWithApple',
}
/** The same pool without a domain: what the two providers add to a first visit is the difference. */
const { VITE_OAUTH_DOMAIN: _domain, VITE_OAUTH_PROVIDERS: _providers, ...noProvidersEnv } = appEnv

function build(cwd: string, outDir: string, extra: string[] = [], settings: object = appEnv) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')),
  )
  const result = spawnSync(
    'npx',
    ['vite', 'build', ...extra, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd, env: { ...env, ...settings }, encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`build in ${cwd} failed:\n${result.stderr}`)
  return outDir
}

// ---------------------------------------------------------------- measure

interface Sent {
  url: string
  type: string
  start: number
  end?: number
  bytes: number
  /** Answered by the service worker or the HTTP cache, not the network. */
  kept?: boolean
}

interface Journey {
  readyMs: number
  /** When `working` was first on screen (the same moment as `readyMs` when not given). */
  workingMs: number
  requests: number
  /** Of the requests, those the network answered (not the service worker, not the HTTP cache). */
  networkRequests: number
  transferBytes: number
  /** Gzipped (level 9) JS and CSS the visit downloaded, as tests/e2e/auth-bytes.spec.ts counts it. */
  codeGzipBytes: number
  /** Waves of code and API requests after the HTML until the screen was ready: each started after one of the previous arrived. */
  waves: string[][]
  codeWaves: number
  /** When the API's GET started, relative to the projects chunk's arrival (negative: before it). */
  getVsProjectsChunkMs?: number
  /** Each request: path, start and arrival in ms from the HTML's start. */
  timeline: [string, number, number | null][]
}

async function journey(
  browser: Browser,
  url: string,
  ready: string,
  dist: string,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
  { warm = false, working = ready }: { warm?: boolean; working?: string } = {},
): Promise<Journey> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
    ...(storageState ? { storageState } : {}),
  })
  // The moment `ready`, and `working`, are first on screen: the frame after each enters the DOM.
  await context.addInitScript(
    (selectors: Record<'benchReady' | 'benchWorking', string>) => {
      for (const [name, selector] of Object.entries(selectors)) {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return
          observer.disconnect()
          requestAnimationFrame(() => {
            ;(window as unknown as Record<string, number>)[name] = performance.now()
          })
        })
        // Attributes too: a prerendered form becomes usable when its submit loses `disabled`.
        observer.observe(document, { childList: true, subtree: true, attributes: true })
      }
    },
    { benchReady: ready, benchWorking: working },
  )
  if (warm) {
    // The visit before, unthrottled, in the same browser: what it keeps (HTTP cache,
    // service worker) is what a returning visit has.
    const before = await context.newPage()
    await before.goto(url)
    await before.locator(ready).first().waitFor()
    await before.waitForLoadState('networkidle')
    await before.evaluate(async () => {
      if (await navigator.serviceWorker.getRegistration()) await navigator.serviceWorker.ready
    })
    await before.close()
  }
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const sent = new Map<string, Sent>()
  cdp.on('Network.requestWillBeSent', (event) => {
    sent.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? '',
      start: event.timestamp,
      bytes: 0,
    })
  })
  cdp.on('Network.responseReceived', (event) => {
    const request = sent.get(event.requestId)
    if (request && (event.response.fromServiceWorker || event.response.fromDiskCache))
      request.kept = true
  })
  cdp.on('Network.loadingFinished', (event) => {
    const request = sent.get(event.requestId)
    if (request) Object.assign(request, { end: event.timestamp, bytes: event.encodedDataLength })
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false })
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBps / 8,
    uploadThroughput: PHONE.uploadBps / 8,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown })

  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => 'benchReady' in window && 'benchWorking' in window, undefined, {
    timeout: 60_000,
  })
  const { readyMs, workingMs } = await page.evaluate(() => {
    const marks = window as unknown as Record<'benchReady' | 'benchWorking', number>
    return { readyMs: marks.benchReady, workingMs: marks.benchWorking }
  })
  await page.waitForLoadState('networkidle')
  await context.close()

  const all = [...sent.values()].filter((request) => request.url.startsWith('http'))
  const documentRequest = all[0]
  if (!documentRequest) throw new Error(`${url}: no request recorded`)
  const at = (seconds: number) => (seconds - documentRequest.start) * 1000
  const isCode = (request: Sent) => /\.(js|css)$/.test(new URL(request.url).pathname)
  const isApi = (request: Sent) => new URL(request.url).pathname === API_PATH
  // The page's code and data before it was ready; the favicon and the auth calls are neither.
  const beforeReady = all.filter(
    (request) =>
      request === documentRequest ||
      (at(request.start) <= readyMs && (isCode(request) || isApi(request))),
  )
  const waves = stages(beforeReady).slice(1)
  const projectsChunk = all.find((request) => /\/assets\/projects-[\w-]+\.js$/.test(request.url))
  const get = all.find(isApi)
  return {
    readyMs: Math.round(readyMs),
    workingMs: Math.round(workingMs),
    requests: all.length,
    networkRequests: all.filter((request) => !request.kept).length,
    transferBytes: all.reduce((sum, request) => sum + request.bytes, 0),
    codeGzipBytes: all
      .filter(isCode)
      .map((request) => readFileSync(join(dist, new URL(request.url).pathname)))
      .reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    waves: waves.map((wave) => wave.map((request) => new URL(request.url).pathname)),
    timeline: all.map((request) => [
      new URL(request.url).pathname,
      Math.round(at(request.start)),
      request.end === undefined ? null : Math.round(at(request.end)),
    ]),
    codeWaves: waves.filter((wave) => wave.some(isCode)).length,
    ...(projectsChunk?.end && get
      ? { getVsProjectsChunkMs: Math.round((get.start - projectsChunk.end) * 1000) }
      : {}),
  }
}

/** Stage of each request: the HTML is 0; a request is one more than the latest stage that had arrived when it started. */
function stages(requests: Sent[]): Sent[][] {
  const stageOf = new Map<Sent, number>()
  for (const request of [...requests].sort((a, b) => a.start - b.start)) {
    let stage = 0
    for (const [earlier, s] of stageOf) {
      if (earlier.end !== undefined && earlier.end <= request.start) stage = Math.max(stage, s + 1)
    }
    stageOf.set(request, stageOf.size === 0 ? 0 : Math.max(stage, 1))
  }
  const result: Sent[][] = []
  for (const [request, stage] of stageOf) (result[stage] ??= []).push(request)
  return result.filter(Boolean)
}

interface LighthouseRun {
  lcpMs: number
  fcpMs: number
  tbtMs: number
  score: number
  transferBytes: number
  requests: number
}

async function lighthouseRun(port: number, url: string): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  })
  const lhr = result?.lhr
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`)
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN
  const requests = lhr.audits['network-requests']?.details
  return {
    lcpMs: Math.round(audit('largest-contentful-paint')),
    fcpMs: Math.round(audit('first-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    transferBytes: audit('total-byte-weight'),
    requests: requests && 'items' in requests ? requests.items.length : NaN,
  }
}

// ---------------------------------------------------------------- sessions

async function cognito(api: APIRequestContext, origin: string, operation: string, body: object) {
  const response = await api.post(`${origin}${LOCAL_AWS_BASE_PATH}`, {
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    data: JSON.stringify(body),
  })
  const answer = (await response.json()) as Record<string, unknown>
  if (!response.ok()) throw new Error(`${operation}: ${JSON.stringify(answer)}`)
  return answer
}

/** A confirmed user, signed in through the site's own form, unthrottled: the stored session of a returning visit. */
async function storedSession(browser: Browser, origin: string, path: string, signedIn: string) {
  const email = `bench-${Date.now()}@example.com`
  // The sites' certificate is self-signed (bench/serve.ts).
  const api = await request.newContext({ ignoreHTTPSErrors: true })
  await cognito(api, origin, 'SignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  const inbox = await api.get(
    `${origin}${LOCAL_AWS_BASE_PATH}/inbox?to=${encodeURIComponent(email)}`,
  )
  const code = ((await inbox.json()) as { code: string }[]).at(-1)?.code
  await cognito(api, origin, 'ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    ConfirmationCode: code,
  })
  await api.dispose()
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  const page = await context.newPage()
  await page.goto(`${origin}${path}`)
  await page.locator('input[name="email"], input[name="username"]').first().fill(email)
  await page.locator('input[name="password"]').first().fill(PASSWORD)
  await page.locator(FORM).first().click()
  if (path === '/sign-in') {
    // A list to show: a dozen projects, created through the app's own form.
    await page.waitForURL(/\/projects$/)
    for (let i = 1; i <= 12; i++) {
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Bench project ${i}`)
      await page.getByRole('button', { name: 'Create project' }).click()
      await page
        .locator('ul[aria-label="Projects"] li')
        .nth(i - 1)
        .waitFor()
    }
  }
  await page.locator(signedIn).first().waitFor()
  if (path === '/sign-in') {
    // The list kept for the next visit (persisted-list.ts), written at most every 250 ms.
    await page.waitForFunction(() =>
      Object.entries(localStorage).some(
        ([key, value]) =>
          key.startsWith('projects-console.list.') &&
          (
            JSON.parse(value) as {
              clientState: { queries: { state: { data: { items: unknown[] } } }[] }
            }
          ).clientState.queries[0]?.state.data.items.length === 12,
      ),
    )
  }
  const state = await context.storageState()
  await context.close()
  return state
}

// ---------------------------------------------------------------- report

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function summarize<T extends object>(samples: T[]) {
  const keys = Object.keys(samples[0] ?? {}) as (keyof T)[]
  return Object.fromEntries(
    keys
      .filter((key) => typeof samples[0]?.[key] === 'number')
      .map((key) => [key, median(samples.map((sample) => sample[key] as number))]),
  )
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main() {
  mkdirSync(workDir, { recursive: true })
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: appDir })
    .toString()
    .trim()
  console.error(`[bench] building the app (${appDir} @ ${commit}) and the stock app…`)
  const appDist = build(appDir, join(workDir, 'app'))
  const noProvidersDist = build(appDir, join(workDir, 'app-no-providers'), [], noProvidersEnv)
  const stockDist = build(process.cwd(), join(workDir, 'stock'), [
    '--config',
    'bench/stock/vite.config.ts',
  ])

  const spaRoutes = loadSpaRoutesFunction(
    API_STAGE,
    readFileSync(join(appDir, 'infra/hosting.yaml'), 'utf8'),
  )
  const appSite = (root: string) =>
    serveSite({
      root,
      route: (uri, request) =>
        spaRoutes(
          viewerRequest(
            uri,
            {},
            {
              acceptLanguage: request.headers['accept-language'],
              cookies: Object.fromEntries(
                (request.headers.cookie ?? '')
                  .split(/;\s*/)
                  .filter(Boolean)
                  .map((pair) => pair.split('=') as [string, string]),
              ),
            },
          ),
        ).uri,
      headers: {
        'content-security-policy': contentSecurityPolicy(appEnv),
        'x-content-type-options': 'nosniff',
      },
    })
  const app = await appSite(appDist)
  const noProviders = await appSite(noProvidersDist)

  const stock = await serveSite({
    root: stockDist,
    route: (uri) => (/\.[a-zA-Z0-9]+$/.test(uri) ? uri : '/index.html'),
    headers: { 'x-content-type-options': 'nosniff' },
  })
  const protocol = app.http2 ? 'HTTP/2 over TLS (self-signed)' : 'HTTP/1.1 (no openssl found)'
  console.error(`[bench] serving both sites over ${protocol}`)
  const sites = {
    stock: { origin: stock.origin, form: '/', signedIn: '/', dist: stockDist },
    app: { origin: app.origin, form: '/sign-in', signedIn: '/projects', dist: appDist },
  }

  // The sites' throwaway certificates (bench/serve.ts), trusted as real ones would be.
  const spkis = [app.spki, stock.spki].filter(Boolean)
  const flags = spkis.length
    ? [...CHROME_FLAGS, `--ignore-certificate-errors-spki-list=${spkis.join(',')}`]
    : CHROME_FLAGS
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: flags.slice(1) })
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: flags })
  const results = {
    lighthouse: { stock: [] as LighthouseRun[], app: [] as LighthouseRun[] },
    firstVisit: { stock: [] as Journey[], app: [] as Journey[] },
    returning: { stock: [] as Journey[], app: [] as Journey[] },
    returningWarm: { stock: [] as Journey[], app: [] as Journey[] },
    /** The app's first visit to /sign-in built for a pool without a domain. */
    firstVisitNoProviders: [] as Journey[],
  }
  try {
    console.error('[bench] signing in a user on each site…')
    const sessions = {
      stock: await storedSession(browser, stock.origin, '/', SIGNED_IN.stock),
      app: await storedSession(browser, app.origin, '/sign-in', SIGNED_IN.app),
    }
    for (let run = 1; run <= runs; run++) {
      for (const name of ['stock', 'app'] as const) {
        const site = sites[name]
        console.error(`[bench] run ${run}/${runs}: ${name}`)
        results.lighthouse[name].push(
          await lighthouseRun(chrome.port, `${site.origin}${site.form}`),
        )
        results.firstVisit[name].push(
          await journey(browser, `${site.origin}${site.form}`, FORM, site.dist),
        )
        const returning = (warm: boolean) =>
          journey(
            browser,
            `${site.origin}${site.signedIn}`,
            SIGNED_IN[name],
            site.dist,
            sessions[name],
            { warm, working: WORKING[name] },
          )
        results.returning[name].push(await returning(false))
        results.returningWarm[name].push(await returning(true))
      }
      results.firstVisitNoProviders.push(
        await journey(browser, `${noProviders.origin}/sign-in`, FORM, noProvidersDist),
      )
    }
  } finally {
    await browser.close()
    chrome.kill()
    await app.close()
    await noProviders.close()
    await stock.close()
  }

  const report = {
    date: new Date().toISOString(),
    app: { dir: appDir, commit },
    runs,
    protocol,
    load: loadavg().map((n) => n.toFixed(2)),
    phone: PHONE,
    note: 'Medians. Timings vary on a shared machine; bytes, requests and waves do not.',
    median: {
      lighthouse: {
        stock: summarize(results.lighthouse.stock),
        app: summarize(results.lighthouse.app),
      },
      firstVisit: {
        stock: summarize(results.firstVisit.stock),
        app: summarize(results.firstVisit.app),
      },
      returning: {
        stock: summarize(results.returning.stock),
        app: summarize(results.returning.app),
      },
      returningWarm: {
        stock: summarize(results.returningWarm.stock),
        app: summarize(results.returningWarm.app),
      },
      firstVisitNoProviders: summarize(results.firstVisitNoProviders),
    },
    waves: {
      firstVisit: {
        stock: results.firstVisit.stock[0]?.waves,
        app: results.firstVisit.app[0]?.waves,
      },
      returning: { stock: results.returning.stock[0]?.waves, app: results.returning.app[0]?.waves },
    },
    runsRaw: results,
  }
  mkdirSync(resolve(args.out, '..'), { recursive: true })
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`)

  const m = report.median
  const ratio = (app: number, stock: number) => (stock ? `${(app / stock).toFixed(2)}×` : '')
  const rows: [string, number, number, (n: number) => string][] = [
    ['Lighthouse mobile: LCP', m.lighthouse.stock.lcpMs!, m.lighthouse.app.lcpMs!, s],
    [
      'Lighthouse mobile: TBT',
      m.lighthouse.stock.tbtMs!,
      m.lighthouse.app.tbtMs!,
      (n) => `${n} ms`,
    ],
    ['Lighthouse mobile: score', m.lighthouse.stock.score!, m.lighthouse.app.score!, String],
    [
      'Lighthouse mobile: transfer',
      m.lighthouse.stock.transferBytes!,
      m.lighthouse.app.transferBytes!,
      kB,
    ],
    [
      'Lighthouse mobile: requests',
      m.lighthouse.stock.requests!,
      m.lighthouse.app.requests!,
      String,
    ],
    [
      'First visit (phone): time to the form',
      m.firstVisit.stock.readyMs!,
      m.firstVisit.app.readyMs!,
      s,
    ],
    ['First visit: requests', m.firstVisit.stock.requests!, m.firstVisit.app.requests!, String],
    [
      'First visit: JS+CSS gzipped',
      m.firstVisit.stock.codeGzipBytes!,
      m.firstVisit.app.codeGzipBytes!,
      kB,
    ],
    [
      'First visit: code waves after the HTML',
      m.firstVisit.stock.codeWaves!,
      m.firstVisit.app.codeWaves!,
      String,
    ],
    [
      'Returning (phone): time to the list',
      m.returning.stock.readyMs!,
      m.returning.app.readyMs!,
      s,
    ],
    [
      'Returning (phone): time to a list that works (React drew it)',
      m.returning.stock.workingMs!,
      m.returning.app.workingMs!,
      s,
    ],
    ['Returning: requests', m.returning.stock.requests!, m.returning.app.requests!, String],
    [
      'Returning: JS+CSS gzipped',
      m.returning.stock.codeGzipBytes!,
      m.returning.app.codeGzipBytes!,
      kB,
    ],
    [
      'Returning: code waves after the HTML',
      m.returning.stock.codeWaves!,
      m.returning.app.codeWaves!,
      String,
    ],
    [
      'Returning, cache kept (phone): time to the list',
      m.returningWarm.stock.readyMs!,
      m.returningWarm.app.readyMs!,
      s,
    ],
    [
      'Returning, cache kept (phone): time to a list that works',
      m.returningWarm.stock.workingMs!,
      m.returningWarm.app.workingMs!,
      s,
    ],
    [
      'Returning, cache kept: requests the network answered',
      m.returningWarm.stock.networkRequests!,
      m.returningWarm.app.networkRequests!,
      String,
    ],
  ]
  const lines = [
    `| ${runs} runs, medians | stock Authenticator | this app @ ${commit} | app/stock |`,
    '|---|---|---|---|',
    ...rows.map(
      ([label, stockValue, appValue, format]) =>
        `| ${label} | ${format(stockValue)} | ${format(appValue)} | ${ratio(appValue, stockValue)} |`,
    ),
  ]
  lines.push(
    `| First visit: JS+CSS the two providers' buttons add (the same build for a pool without a domain: ${kB(m.firstVisitNoProviders.codeGzipBytes!)}) | | ${kB(m.firstVisit.app.codeGzipBytes! - m.firstVisitNoProviders.codeGzipBytes!)} | |`,
  )
  const getVsChunk = m.returning.app.getVsProjectsChunkMs
  if (getVsChunk !== undefined) {
    lines.push(
      `| Returning: GET /projects started, relative to the projects chunk's arrival | | ${getVsChunk} ms | |`,
    )
  }
  console.log(lines.join('\n'))
  console.log(`\nWaves (first run): ${JSON.stringify(report.waves)}`)
  console.log(`\nWritten to ${args.out}`)
}

await main()
