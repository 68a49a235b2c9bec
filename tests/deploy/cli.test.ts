// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OPTIONS } from '../../scripts/deploy/args.ts'
import { fakeBuild } from './fixtures.ts'

/** `npm run deploy` as a person runs it: its own process, the real AWS SDK, no mocks. */
function deploy(args: string[], env: NodeJS.ProcessEnv = {}) {
  const home = mkdtempSync(join(tmpdir(), 'deploy-home-'))
  // No credentials anywhere the SDK's chain looks, and no instance metadata to wait for.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|VITE_)/.test(name)),
  )
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deploy/cli.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...clean,
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      NODE_NO_WARNINGS: '1',
      ...env,
    },
  })
}

describe('npm run deploy (the command)', () => {
  it('--help explains every flag', () => {
    const result = deploy(['--help'])
    expect(result.status).toBe(0)
    for (const flag of Object.keys(OPTIONS)) expect(result.stdout).toContain(`--${flag}`)
  })

  it('says in one line that there are no AWS credentials, and what to set', () => {
    const result = deploy(
      ['--bucket', 'site', '--distribution-id', 'E2EXAMPLE', '--dist', fakeBuild('r1')],
      { AWS_REGION: 'us-east-2' },
    )
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      'deploy: No AWS credentials found: set AWS_PROFILE (or --profile) to a configured profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    ])
  })

  it('names an unknown flag and points to --help', () => {
    const result = deploy(['--bukket', 'site'])
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      "deploy: Unknown option '--bukket' (see npm run deploy -- --help)",
    )
  })
})
