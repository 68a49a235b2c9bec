import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../scripts/deploy/main.ts'
import { startCdn } from '../deploy/cdn-server.ts'
import { recordingIo } from '../deploy/fixtures.ts'
import { createHosting, hasMoto, startMoto, useMotoEnvironment } from '../deploy/moto.ts'
import { expect, test } from './fixtures'

/**
 * A tab opened on one release keeps working after the next is deployed: its
 * lazy routes still load the chunks it was built with. Release 1 is the build
 * the other browser tests run; release 2 is the same app with every hashed
 * file renamed, as a release that changed everything would be.
 */
if (!hasMoto)
  process.stderr.write('\n[deploy] old-tab browser test NOT RUN: moto_server not installed\n')

function renamedRelease(dist: string): { dir: string; renamed: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-release-2-'))
  cpSync(dist, dir, { recursive: true })
  const renamed = new Map<string, string>()
  for (const name of readdirSync(join(dir, 'assets'))) {
    const next = name.replace(/-([\w-]{8})\.(js|css)(\.map)?$/, '-$1r2.$2$3')
    if (next !== name) renamed.set(name, next)
  }
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  for (const file of files.filter((name) => /\.(html|js|css)$/.test(name))) {
    let text = readFileSync(join(dir, file), 'utf8')
    for (const [name, next] of renamed) text = text.replaceAll(name, next)
    writeFileSync(join(dir, file), text)
  }
  for (const [name, next] of renamed)
    renameSync(join(dir, 'assets', name), join(dir, 'assets', next))
  return { dir, renamed }
}

test('a page opened on release 1 still opens a lazy route after release 2 is deployed', async ({
  page,
}) => {
  test.skip(!hasMoto, 'NOT RUN: moto_server not installed')
  test.setTimeout(120_000)
  const moto = await startMoto()
  const restoreEnvironment = useMotoEnvironment(moto.endpoint)
  const { s3, distributionId } = await createHosting('old-tab')
  const cdn = await startCdn(s3, 'old-tab')
  try {
    const deploy = async (dist: string) => {
      const { io, err } = recordingIo(process.env)
      const flags = ['--bucket', 'old-tab', '--distribution-id', distributionId, '--dist', dist]
      expect(await main([...flags, '--env-file', '/none'], io), err.join('\n')).toBe(0)
    }
    await deploy('dist')
    const signUpChunk = readdirSync('dist/assets').find((name) =>
      /^sign-up-[\w-]{8}\.js$/.test(name),
    )
    const release2 = renamedRelease('dist')
    expect(release2.renamed.get(signUpChunk ?? '')).toBeTruthy()

    await page.goto(`${cdn.url}/sign-in`)
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    await deploy(release2.dir)

    const chunk = page.waitForResponse((response) => response.url().endsWith(`/${signUpChunk}`))
    await page.getByRole('link', { name: 'Create an account' }).click()
    expect((await chunk).status()).toBe(200)
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible()

    // And a new visit gets release 2.
    const html = await (await page.request.get(`${cdn.url}/sign-up`)).text()
    expect([...release2.renamed.keys()].filter((name) => html.includes(name))).toEqual([])
    expect([...release2.renamed.values()].some((name) => html.includes(name))).toBe(true)
  } finally {
    await cdn.stop()
    await moto.stop()
    restoreEnvironment()
  }
})
