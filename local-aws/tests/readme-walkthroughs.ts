/**
 * The README's terminal walkthroughs: its shell blocks marked
 * `<!-- cli-walkthrough: name -->`, run exactly as written with the real AWS
 * CLI and curl against a standalone server. The CLI is a dev tool most
 * machines lack: then the tests that need it are skipped, with the reason.
 */
import { execFile, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll } from 'vitest'
import { server } from './emulator.ts'
import { REPO, startStandalone, type Standalone } from './standalone-process.ts'

const has = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0
const hasAws = has('aws')
const hasCurl = has('curl')
export const missing = [!hasAws && 'AWS CLI', !hasCurl && 'curl'].filter(Boolean).join(' and ')
export const skipped = missing ? ` (skipped: ${missing} not installed)` : ''

/** Where the README's commands expect the server: replaced by the test server's address. */
export const README_ENDPOINT = 'http://127.0.0.1:4566'

/** The README's marked shell blocks, by name, in the order they appear. */
function readmeBlocks(): Map<string, string> {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')
  const blocks = new Map<string, string>()
  for (const [, name = '', body = ''] of readme.matchAll(
    /<!-- cli-walkthrough: ([\w-]+) -->\s*```sh\n([\s\S]*?)\n```/g,
  )) {
    blocks.set(name, body)
  }
  return blocks
}

export const blocks = readmeBlocks()
export const block = (name: string) => {
  const body = blocks.get(name)
  if (body === undefined) throw new Error(`README.md has no block marked cli-walkthrough: ${name}`)
  return body
}

/** What the CLI printed outside its JSON documents: the `--output text` answers, one per line. */
export const textLines = (stdout: string) =>
  stdout.split('\n').filter((line) => /^[^\s{}[\]"]/.test(line))

/** The `env` block, then the named one, in a fresh bash that stops at the first failure. */
export function runBlock(standalone: Standalone, name: string) {
  const endpoint = standalone.config.cognitoEndpoint
  const script = ['set -euo pipefail', block('env'), block(name)]
    .join('\n')
    .replaceAll(README_ENDPOINT, endpoint)
  return promisify(execFile)('bash', ['--noprofile', '--norc', '-c', script], {
    // As the README says: at the repository's root (otpauth, for `totp`, resolves from there).
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Keep a developer's own AWS profile out of it.
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  })
}

/**
 * A standalone server for the calling suite, started before its tests and
 * stopped after (not when the CLI or curl is missing: those tests skip), and
 * `run(name)`, which runs a README block against it.
 */
export function walkthroughServer() {
  let standalone: Standalone | undefined
  beforeAll(async () => {
    if (missing) return
    server.close() // the CLI and curl reach a real server, not msw
    standalone = await startStandalone(['--port', '0', '--in-memory'])
  })
  afterAll(() => standalone?.stop('SIGKILL'))
  // Set in beforeAll whenever a test runs.
  return { run: (name: string) => runBlock(standalone!, name) }
}
