// @vitest-environment node
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth'
import { Hub } from 'aws-amplify/utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { PASSWORD, callCognito, setupCognitoEmulator } from './cognito-harness.ts'
import { configureAmplify, setupAmplify } from './amplify-harness.ts'

const emulator = setupCognitoEmulator()
const { registered } = setupAmplify(emulator)
const pool = { UserPoolId: DEFAULT_USER_POOL_ID }

/** Why Amplify's token refreshes failed in a test, as its Hub reports it to an app. */
function refreshFailures() {
  const errors: { name: string; message: string }[] = []
  let stop = () => {}
  beforeEach(() => {
    errors.length = 0
    stop = Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'tokenRefresh_failure') {
        const error = (payload.data as { error?: Error } | undefined)?.error
        errors.push({ name: error?.name ?? '', message: error?.message ?? '' })
      }
    })
  })
  afterEach(() => stop())
  return errors
}

describe('Amplify v6 and sessions an administrator or rotation changes', () => {
  const failures = refreshFailures()

  it('keeps refreshing with the refresh token each rotation hands it (no grace period)', async () => {
    const created = await callCognito('CreateUserPoolClient', {
      ...pool,
      ClientName: 'rotating',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    })
    const clientId = (created.body.UserPoolClient as { ClientId: string }).ClientId
    const email = await registered()
    configureAmplify(clientId)
    await signIn({ username: email, password: PASSWORD })
    const first = (await fetchAuthSession()).tokens?.accessToken.toString()

    // Had Amplify kept the first refresh token, the second refresh would be refused as reused.
    for (const _ of [1, 2, 3]) {
      emulator.advance(5_000)
      const tokens = (await fetchAuthSession({ forceRefresh: true })).tokens
      expect(tokens?.accessToken.toString()).toMatch(/^eyJ/)
      expect(tokens?.accessToken.toString()).not.toBe(first)
    }
    expect(emulator.logs.filter((l) => l.includes('a new refresh token (rotation)'))).toHaveLength(
      3,
    )
    expect(emulator.logs.some((l) => l.includes('used again'))).toBe(false)
  })

  it('refuses a disabled user’s sign-in, and ends their session at the next refresh with the reason', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    await callCognito('AdminDisableUser', { ...pool, Username: email })

    const session = await fetchAuthSession({ forceRefresh: true })
    expect(session.tokens).toBeUndefined()
    expect(failures).toEqual([
      {
        name: 'NotAuthorizedException',
        message: 'User is disabled.',
      },
    ])

    await signOut()
    await expect(signIn({ username: email, password: PASSWORD })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    })
    await callCognito('AdminEnableUser', { ...pool, Username: email })
    expect((await signIn({ username: email, password: PASSWORD })).isSignedIn).toBe(true)
  })

  it('ends the session at the next refresh after an administrator signs the user out everywhere', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    await callCognito('AdminUserGlobalSignOut', { ...pool, Username: email })

    expect((await fetchAuthSession({ forceRefresh: true })).tokens).toBeUndefined()
    expect(failures).toEqual([
      {
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      },
    ])
  })
})
