// @vitest-environment node
/**
 * The README's terminal walkthroughs, run exactly as written: every shell block
 * marked `<!-- cli-walkthrough: name -->`, with the real AWS CLI and curl,
 * against the standalone server (on a free port instead of the README's 4566).
 * The CLI is a dev tool most machines lack: then these tests are reported as
 * skipped, with the reason in their names.
 */
import { describe, expect, it } from 'vitest'
import {
  README_ENDPOINT,
  block,
  blocks,
  missing,
  skipped,
  textLines,
  walkthroughServer,
} from './readme-walkthroughs.ts'

// The default reporter only counts skipped tests: say which proof didn't run, and why.
if (missing) {
  process.stderr.write(
    `\n[local-aws] terminal walkthrough NOT RUN: ${missing} not installed (see local-aws/README.md)\n`,
  )
}

const withNumericId = (item: Record<string, unknown>) => ({
  ...item,
  'project-id': Number(item['project-id']),
})

describe('the README’s terminal walkthroughs', () => {
  const runBlock = walkthroughServer().run

  it('finds every walkthrough in the README, pointed at the port it tells you to start on', () => {
    expect([...blocks.keys()]).toEqual([
      'env',
      'quick-start',
      'mfa',
      'passwordless',
      'devices',
      'clients',
      'sessions',
      'oauth',
    ])
    expect(block('env')).toContain(`ENDPOINT=${README_ENDPOINT}`)
  })

  it.skipIf(Boolean(missing))(
    `signs up, confirms, signs in and calls the API as the quick start says${skipped}`,
    async () => {
      const { stdout } = await runBlock('quick-start')
      // curl's answers: the inbox, then GET, POST, PUT, DELETE and a GET without a token.
      const [inbox = '', ...api] = stdout
        .split('\n')
        .filter((line) => line.startsWith('[') || line.startsWith('{"message"'))
      expect(JSON.parse(inbox)).toEqual([
        expect.objectContaining({ to: 'someone@example.com', kind: 'sign-up' }),
      ])
      const unauthorized = api.pop()
      // Ids may come back in any decimal notation.
      expect(
        api.map((line) => (JSON.parse(line) as Record<string, unknown>[]).map(withNumericId)),
      ).toEqual([
        [],
        [{ 'project-id': 200, name: 'Typing', 'is-default': false }],
        [{ 'project-id': 200, name: 'Yoga', 'is-default': false }],
        [],
      ])
      expect(unauthorized).toBe('{"message":"Unauthorized"} 401')
    },
    120_000, // a dozen commands, mostly the AWS CLI's start-up
  )

  it.skipIf(Boolean(missing))(
    `runs the README’s MFA, invitation and reset commands${skipped}`,
    async () => {
      const { stdout } = await runBlock('mfa')
      // get-user-pool-mfa-config, verify-software-token, the TOTP sign-in, admin-get-user.
      expect(textLines(stdout)).toEqual(['OPTIONAL', 'SUCCESS', 'Bearer', 'RESET_REQUIRED'])
    },
    180_000,
  )

  it.skipIf(Boolean(missing))(
    `runs the README’s passwordless commands${skipped}`,
    async () => {
      const { stdout } = await runBlock('passwordless')
      // describe-user-pool, the sign-up's sign-in, the passkey options' relying party, the list.
      expect(textLines(stdout)).toEqual([
        'PASSWORD\tEMAIL_OTP\tWEB_AUTHN',
        'Bearer',
        'localhost',
        '0',
      ])
    },
    180_000,
  )

  it.skipIf(Boolean(missing))(
    `runs the README’s device commands${skipped}`,
    async () => {
      const { stdout } = await runBlock('devices')
      // describe-user-pool, confirm-device, list-devices, admin-list-devices.
      expect(textLines(stdout)).toEqual(['True\tTrue', 'True', 'Firefox on Linux\tremembered', '0'])
    },
    180_000,
  )

  it.skipIf(Boolean(missing))(
    `runs the README’s app client commands${skipped}`,
    async () => {
      const { stdout, stderr } = await runBlock('clients')
      // The new client's secret, then the short-lived client's lifetime.
      expect(textLines(stdout)).toEqual([expect.stringMatching(/^[a-z0-9]{51}$/), '5\tseconds'])
      expect(stderr).toContain(
        'An error occurred (InvalidParameterException) when calling the InitiateAuth operation: USER_PASSWORD_AUTH flow not enabled for this client',
      )
    },
    120_000,
  )

  it.skipIf(Boolean(missing))(
    `runs the README’s rotation and disabled-user commands${skipped}`,
    async () => {
      const { stdout, stderr } = await runBlock('sessions')
      // The new user's Enabled, the rotation setting, the refresh with the new token,
      // admin-get-user's Enabled, the sign-in once enabled again.
      expect(textLines(stdout)).toEqual(['True', 'ENABLED\t0', 'Bearer', 'False', 'Bearer'])
      expect(stderr).toContain(
        'An error occurred (RefreshTokenReuseException) when calling the GetTokensFromRefreshToken operation: Refresh token has been invalidated by refresh token rotation.',
      )
      expect(stderr).toContain(
        'An error occurred (NotAuthorizedException) when calling the AdminInitiateAuth operation: User is disabled.',
      )
    },
    180_000,
  )
})
