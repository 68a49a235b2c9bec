// @vitest-environment node
/**
 * The README's managed-login set-up, run as written with the real AWS CLI
 * and curl against the standalone server: domain, identity provider, a
 * client's OAuth settings, linking. Skipped, saying why, without the CLI.
 */
import { describe, expect, it } from 'vitest'
import { missing, skipped, textLines, walkthroughServer } from './readme-walkthroughs.ts'

if (missing) {
  process.stderr.write(
    `\n[local-aws] OAuth set-up walkthrough NOT RUN: ${missing} not installed (see local-aws/README.md)\n`,
  )
}

describe('the README’s managed-login set-up with the AWS CLI', () => {
  const walkthrough = walkthroughServer()

  it.skipIf(Boolean(missing))(
    `sets up a domain, an OIDC provider, a client offering it and a linked user${skipped}`,
    async () => {
      const { stdout, stderr } = await walkthrough.run('oauth')
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
