// @vitest-environment node
/**
 * The README's managed-login set-up, run as written with the real AWS CLI
 * and curl against the standalone server: domain, identity provider, a
 * client's OAuth settings, linking. Skipped, saying why, without the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { server } from './emulator.ts'
import { missing, runBlock, skipped, textLines } from './readme-walkthroughs.ts'
import { startStandalone, type Standalone } from './standalone-process.ts'

if (missing) {
  process.stderr.write(
    `\n[local-aws] OAuth set-up walkthrough NOT RUN: ${missing} not installed (see local-aws/README.md)\n`,
  )
}

describe('the README’s managed-login set-up with the AWS CLI', () => {
  let standalone: Standalone | undefined
  beforeAll(async () => {
    if (missing) return
    server.close() // the CLI and curl reach a real server, not msw
    standalone = await startStandalone(['--port', '0', '--in-memory'])
  })
  afterAll(() => standalone?.stop('SIGKILL'))

  it.skipIf(Boolean(missing))(
    `sets up a domain, an OIDC provider, a client offering it and a linked user${skipped}`,
    async () => {
      const { stdout, stderr } = await runBlock(standalone!, 'oauth')
      expect(textLines(stdout)).toEqual([
        'local-1_L0calP00l',
        'ACTIVE',
        'OIDC',
        'Google\tAcmeCorp',
        'COGNITO\tAcmeCorp',
        '<title>AcmeCorp (local emulator)</title>',
        '1',
      ])
      expect(stderr).toContain(
        'An error occurred (InvalidParameterException) when calling the UpdateUserPoolClient operation: The provider Facebook does not exist for User Pool local-1_L0calP00l',
      )
    },
    180_000,
  )
})
