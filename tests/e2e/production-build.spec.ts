import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { appRoutes, prerenderedRoutes } from '../../build/route-table'
import { expect, test } from './fixtures'

/**
 * The production build the "production" project's browser tests run
 * (playwright.config.ts builds it once, as `npm run build` does, with settings
 * naming the emulator's pool, and passwordless sign-in on), inspected file by
 * file: the local-mode UI and the pseudo-locale must be absent, and nothing may
 * need the CSP's forbidden 'unsafe-inline'.
 */
const DIST = 'dist-production'

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )
const files = walk(DIST)
  .filter((file) => /\.(html|js|css)$/.test(file))
  .map((name) => ({ name, text: readFileSync(name, 'utf8') }))
const document = (name: string) => files.find((file) => file.name === join(DIST, name))?.text ?? ''

test('is built for the configured pool and API', () => {
  const js = files.filter((file) => file.name.endsWith('.js')).map((file) => file.text)
  expect(js.join('\n')).toContain(DEFAULT_USER_POOL_ID)
})

test("ships none of local mode: the emulator's banner, its inbox panel, their texts", () => {
  const leaks = files.filter((file) =>
    /E-mailed codes|local emulator|ローカルモード|\/local-aws\/inbox/.test(file.text),
  )
  expect(leaks.map((file) => file.name)).toEqual([])
})

test('ships no pseudo-locale: it exists in development and emulator builds only', () => {
  const leaks = files.filter((file) => /en-XA|⟦|Pseudo-locale/.test(file.text))
  expect(leaks.map((file) => file.name)).toEqual([])
})

test('has no inline script or style that the strict CSP would block, in any of its documents', () => {
  const documents = files.filter((file) => file.name.endsWith('.html'))
  // index.html, one per app route, and a Japanese one per prerendered page.
  expect(documents).toHaveLength(1 + appRoutes.length + prerenderedRoutes.length)
  for (const { name, text: html } of documents) {
    expect(html, name).toMatch(
      /<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/,
    )
    expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html, name).not.toMatch(/<style|\sstyle=/)
  }
})

test('prerenders the public pages in English and Japanese, their form in the HTML, the rest left to the browser', () => {
  for (const route of prerenderedRoutes) {
    const english = document(`${route}.html`)
    const japanese = document(`${route}.ja.html`)
    expect(english, route).toMatch(/<html lang="en">/)
    expect(japanese, route).toMatch(/<html lang="ja">/)
    expect(english, route).toMatch(/<div id="root"><a class="skip-link"[\s\S]*<form[\s\S]*<\/form>/)
    expect(english, route).toMatch(/<button disabled=""[^>]* type="submit">/)
    expect(japanese, route).toMatch(/<title>[^<]* · プロジェクト<\/title>/)
  }
  expect(document('/sign-in.html')).toMatch(/<h1 [^>]*>Sign in<\/h1>/)
  expect(document('/sign-in.ja.html')).toMatch(/<h1 [^>]*>サインイン<\/h1>/)
  // The fields VITE_SIGN_UP_ATTRIBUTES adds are in the form too, before its code arrives.
  expect(document('/sign-up.html')).toMatch(/<input [^>]*type="tel"[^>]*name="phone_number"/)
  expect(document('/sign-up.ja.html')).toMatch(/<label [^>]*>氏名<\/label>/)
  for (const name of ['/index.html', '/projects.html', '/account.html', '/sign-up/confirm.html']) {
    expect(document(name), name).toMatch(/<div id="root"><\/div>/)
  }
})

test("gives each app route a document that preloads the route's own chunk and styles", () => {
  // This build signs in with USER_AUTH: its sign-in page is the passwordless screen's.
  const signIn = document('/sign-in.html')
  expect(signIn).toMatch(
    /<link rel="modulepreload" crossorigin href="\/assets\/passwordless-sign-in-[\w-]+\.js">/,
  )
  expect(signIn).not.toMatch(/href="\/assets\/sign-in-[\w-]+\.js"/)
  // The sign-up attribute fields are the sign-up page's alone.
  expect(signIn).not.toMatch(/sign-up-attribute-/)
  expect(document('/sign-up.html')).toMatch(
    /<link rel="modulepreload" crossorigin href="\/assets\/sign-up-attribute-[\w-]+\.js">/,
  )
  expect(signIn).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/[\w-]+\.css">/)
  const projects = document('/projects.html')
  expect(projects).toMatch(
    /<link rel="modulepreload" crossorigin href="\/assets\/projects-[\w-]+\.js">/,
  )
  // ...and runs the list's early request module on its own, ahead of the app's entry.
  const early = projects.search(
    /<script type="module" async fetchpriority="high" crossorigin src="\/assets\/start-list-request-[\w-]+\.js"><\/script>/,
  )
  expect(early).toBeGreaterThan(0)
  expect(early).toBeLessThan(projects.search(/<script type="module" crossorigin src=/))
  // A returning user's page preloads none of the sign-in screens' code.
  expect(projects).not.toMatch(/sign-in-|auth-form-|auth-flows-|passwordless-|sign-up-attribute-/)
  // The signed-in pages start the QueryClient with its kept list before they render; a
  // visitor's sign-in page loads none of it (src/lib/shared-query-client.tsx).
  for (const signedIn of ['/projects.html', '/account.html']) {
    expect(document(signedIn)).toMatch(
      /<link rel="modulepreload" crossorigin href="\/assets\/data-layer-[\w-]+\.js">/,
    )
  }
  expect(signIn).not.toMatch(/data-layer-|persisted-list-|get-projects-/)
  // Each file once: the early module's imports are not preloaded again with the route's.
  for (const { name, text } of files.filter((file) => file.name.endsWith('.html'))) {
    const preloaded = [...text.matchAll(/rel="modulepreload"[^>]* href="([^"]+)"/g)].map(
      (match) => match[1],
    )
    expect(preloaded, name).toEqual([...new Set(preloaded)])
  }
  // Vite's manifest, which the documents are made from, is not part of the site.
  expect(files.some((file) => file.name.includes('manifest'))).toBe(false)
})

test("has a service worker that keeps the signed-in pages and their code, and none of the sign-in screens' (build/service-worker.ts)", () => {
  const worker = document('/sw.js')
  const precached = [...worker.matchAll(/\{url:"([^"]+)",revision:/g)].map((match) => match[1]!)
  const linked = (html: string) =>
    [...html.matchAll(/\s(?:href|src)="\/([^"]+)"/g)].map((m) => m[1]!)
  const kept = ['account.html', 'index.html', 'projects.html']
  expect(precached.filter((url) => url.endsWith('.html')).sort()).toEqual(kept)
  for (const name of kept)
    expect(precached).toEqual(expect.arrayContaining(linked(document(`/${name}`))))
  // What only the public pages load: a returning user's worker downloads none of it.
  const keptFiles = new Set(kept.flatMap((name) => linked(document(`/${name}`))))
  const signInOnly = linked(document('/sign-in.html')).filter((file) => !keptFiles.has(file))
  expect(signInOnly.length).toBeGreaterThan(0)
  expect(precached.filter((url) => signInOnly.includes(url))).toEqual([])
  // The emulator's paths are never answered with the app's pages.
  expect(worker).toContain('denylist:[')
  expect(worker).toMatch(/\/\^\\\/local-aws\(\?:\\\/\|\$\)\//)
})
