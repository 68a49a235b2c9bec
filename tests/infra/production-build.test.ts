// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRoutes, prerenderedRoutes } from '../../build/route-table'

/**
 * A production build for a real pool, as `npm run build` makes it, inspected
 * file by file: the emulator and local-mode UI must be absent, and nothing may
 * need the CSP's forbidden 'unsafe-inline'.
 */
const outDir = mkdtempSync(join(tmpdir(), 'production-build-'))
const files: { name: string; text: string }[] = []

beforeAll(() => {
  // Vitest runs in local mode, with the emulator's settings in its environment: drop them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')),
  )
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--logLevel', 'error'], {
    env: {
      ...env,
      VITE_USER_POOL_ID: 'us-east-2_AbC123xyz',
      VITE_USER_POOL_CLIENT_ID: '1example23456789abcdefghij',
      VITE_API_URL: '/dev_1',
    },
    encoding: 'utf8',
  })
  expect(result.status, result.stderr).toBe(0)
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    )
  for (const name of walk(outDir).filter((file) => /\.(html|js|css)$/.test(file))) {
    files.push({ name, text: readFileSync(name, 'utf8') })
  }
}, 120_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the production build', () => {
  it('is built for the configured pool and API', () => {
    const js = files.filter((file) => file.name.endsWith('.js')).map((file) => file.text)
    expect(js.join('\n')).toContain('us-east-2_AbC123xyz')
  })

  it('ships none of the local emulator or its banner and code panel', () => {
    const leaks = files.filter((file) =>
      /local-aws|L0calP00l|E-mailed codes|local emulator|ローカルモード/.test(file.text),
    )
    expect(leaks.map((file) => file.name)).toEqual([])
  })

  it('ships no pseudo-locale: it exists in development and emulator builds only', () => {
    const leaks = files.filter((file) => /en-XA|⟦|Pseudo-locale/.test(file.text))
    expect(leaks.map((file) => file.name)).toEqual([])
  })

  it('has no inline script or style that the strict CSP would block, in any of its documents', () => {
    const documents = files.filter((file) => file.name.endsWith('.html'))
    // index.html, one per app route, and a Japanese one per prerendered page (build/route-documents.ts).
    expect(documents).toHaveLength(1 + appRoutes.length + prerenderedRoutes.length)
    for (const { name, text: html } of documents) {
      expect(html, name).toMatch(
        /<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/,
      )
      expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
      expect(html, name).not.toMatch(/<style|\sstyle=/)
    }
  })

  it('prerenders the public pages in English and Japanese, their form in the HTML, the rest left to the browser', () => {
    const document = (name: string) =>
      files.find((file) => file.name === join(outDir, name))?.text ?? ''
    for (const route of prerenderedRoutes) {
      const english = document(`${route}.html`)
      const japanese = document(`${route}.ja.html`)
      expect(english, route).toMatch(/<html lang="en">/)
      expect(japanese, route).toMatch(/<html lang="ja">/)
      expect(english, route).toMatch(
        /<div id="root"><a class="skip-link"[\s\S]*<form[\s\S]*<\/form>/,
      )
      expect(english, route).toMatch(/<button disabled=""[^>]* type="submit">/)
      expect(japanese, route).toMatch(/<title>[^<]* · プロジェクト<\/title>/)
    }
    expect(document('/sign-in.html')).toMatch(/<h1 [^>]*>Sign in<\/h1>/)
    expect(document('/sign-in.ja.html')).toMatch(/<h1 [^>]*>サインイン<\/h1>/)
    for (const name of [
      '/index.html',
      '/projects.html',
      '/account.html',
      '/sign-up/confirm.html',
    ]) {
      expect(document(name), name).toMatch(/<div id="root"><\/div>/)
    }
  })

  it("gives each app route a document that preloads the route's own chunk and styles", () => {
    const document = (route: string) =>
      files.find((file) => file.name === join(outDir, `${route}.html`))?.text ?? ''
    const signIn = document('/sign-in')
    expect(signIn).toMatch(
      /<link rel="modulepreload" crossorigin href="\/assets\/sign-in-[\w-]+\.js">/,
    )
    expect(signIn).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/[\w-]+\.css">/)
    const projects = document('/projects')
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
    expect(projects).not.toMatch(/sign-in-|auth-form-|auth-flows-/)
    // Vite's manifest, which the documents are made from, is not part of the site.
    expect(files.some((file) => file.name.includes('manifest'))).toBe(false)
  })
})
