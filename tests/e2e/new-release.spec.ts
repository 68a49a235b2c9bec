/**
 * A release deployed while the app is open (src/app/release/service-worker.ts):
 * the page says a new version is ready and switches only when asked, so what
 * is being typed stays.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD } from './local-aws'
import { signInWith, startIn, type Language } from './mfa-support'
import { startReleaseServer } from './release-server'

const T = {
  en: {
    name: 'Name',
    create: 'Create project',
    rename: (name: string) => `Rename “${name}”`,
    newName: /^New name/,
    ready: 'A new version of this app is ready.',
    reload: 'Reload to update',
  },
  ja: {
    name: '名前',
    create: 'プロジェクトを作成',
    rename: (name: string) => `「${name}」の名前を変更`,
    newName: /の新しい名前$/,
    ready: 'このアプリの新しいバージョンがあります。',
    reload: '再読み込みして更新',
  },
} satisfies Record<Language, unknown>

/** The entry script a document loads: which release a page runs. */
const entryOf = (html: string) => /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1]
const runningEntry = (page: Page) =>
  page.evaluate(() =>
    document
      .querySelector<HTMLScriptElement>('script[type="module"][src*="/assets/index-"]')
      ?.getAttribute('src'),
  )

let nextRelease = ''

test.beforeAll(async () => {
  test.setTimeout(180_000)
  // The same app built again: a new build id, so new chunk names and a new worker, as any release has.
  nextRelease = mkdtempSync(join(tmpdir(), 'e2e-release-2-'))
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')),
  )
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--mode', 'emulator', '--outDir', nextRelease, '--logLevel', 'error'],
    { env: environment, encoding: 'utf8' },
  )
  expect(build.status, build.stderr).toBe(0)
})

test.afterAll(() => rmSync(nextRelease, { recursive: true, force: true }))

test.use({ serviceWorkers: 'allow' })

for (const language of ['en', 'ja'] as const) {
  const t = T[language]

  test(`a release deployed while a rename is being typed: the page offers it, keeps the typing, and switches when asked (${language})`, async ({
    page,
    context,
    request,
    baseURL,
  }) => {
    const site = await startReleaseServer('dist', baseURL!)
    try {
      const first = entryOf(readFileSync('dist/projects.html', 'utf8'))
      const next = entryOf(readFileSync(join(nextRelease, 'projects.html'), 'utf8'))
      expect(next).not.toBe(first)

      await startIn(page, language)
      const email = await createConfirmedUser(request)
      await page.goto(`${site.url}/projects`)
      await signInWith(page, email, PASSWORD, language)
      await expect(page.getByRole('button', { name: t.create })).toBeVisible()
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      // A later visit: the page the worker serves.
      await page.reload()
      await expect(page.getByRole('button', { name: t.create })).toBeVisible()
      expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
      expect(await runningEntry(page)).toBe(first)

      const name = `Release ${language} ${Date.now()}`
      await page.getByLabel(t.name, { exact: true }).fill(name)
      await page.getByRole('button', { name: t.create }).click()
      await page.getByRole('button', { name: t.rename(name) }).click()
      const box = page.getByRole('textbox', { name: t.newName })
      await box.fill(`${name}, half typed`)

      site.release(nextRelease)
      // The phone regains the network: the page looks for a new release then.
      await context.setOffline(true)
      await context.setOffline(false)
      await expect(page.getByText(t.ready)).toBeVisible({
        timeout: 20_000,
      })
      // Not reloaded: the typing is there, the old release still runs.
      await expect(box).toHaveValue(`${name}, half typed`)
      expect(await runningEntry(page)).toBe(first)

      const reloaded = page.waitForEvent('load')
      await page.getByRole('button', { name: t.reload }).click()
      await reloaded
      await expect(page.getByRole('button', { name: t.create })).toBeVisible()
      expect(await runningEntry(page)).toBe(next)
      await expect(page.getByText(t.ready)).toHaveCount(0)
    } finally {
      await site.stop()
    }
  })
}
