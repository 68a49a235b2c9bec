/**
 * The contract behind src/lib/stored-session.ts: it reads Amplify's session
 * from localStorage under the keys Amplify's TokenStore writes, which Amplify
 * does not document. Here the real Amplify signs in against the emulator, and
 * readStoredSession() must agree with fetchAuthSession() while the tokens are
 * fresh, when a refresh is due, after the refresh, and after a sign-out. An
 * Amplify upgrade that moves its keys fails this file (the last test shows
 * the check does fail when Amplify's keys are not where it looks).
 */
import { fetchAuthSession, signOut } from 'aws-amplify/auth'
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito'
import { defaultStorage } from 'aws-amplify/utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isRefreshTokenKey, readStoredSession } from '@/lib/stored-session'
import { signInTestUser } from '../../tests/setup/auth'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { cognito, resetLocalAws } from '../../tests/setup/local-aws'

/** The default app client's id and access token lifetime. */
const ID_AND_ACCESS = 3600

let now = Date.UTC(2030, 0, 15, 9, 0, 0)
function advance(seconds: number) {
  now += seconds * 1000
  vi.setSystemTime(now)
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
  resetLocalAws({ now: () => now })
})
afterEach(() => {
  vi.useRealTimers()
  cognitoUserPoolsTokenProvider.setKeyValueStorage(defaultStorage)
})

/** What Amplify says without refreshing: who is signed in and the IdToken it would hand out. */
async function amplifySession() {
  const { tokens } = await fetchAuthSession()
  if (!tokens) return undefined
  return { email: tokens.idToken?.payload.email, idToken: tokens.idToken?.toString() }
}

/** The stored refresh token, found as stored-session.ts finds it. */
const storedRefreshToken = () => {
  const keys = Object.keys(localStorage).filter(isRefreshTokenKey)
  expect(keys).toHaveLength(1)
  return localStorage.getItem(keys[0]!)
}

/** While the IdToken is fresh, the stored session is Amplify's: the same user, the very same token. */
async function expectAgreementWhileFresh(email: string) {
  const stored = readStoredSession()
  const amplify = await amplifySession()
  expect(amplify?.email).toBe(email)
  expect(stored).toMatchObject({ email, freshIdToken: amplify?.idToken })
}

describe('readStoredSession() and Amplify', () => {
  it('agree while fresh, when due, after the refresh, and after a sign-out', async () => {
    const { email } = await signInTestUser()
    await expectAgreementWhileFresh(email)
    const firstToken = readStoredSession()?.freshIdToken
    const firstRefreshToken = storedRefreshToken()

    // Within a minute of expiry: the stored session says a refresh is due (Amplify
    // would refresh within seconds), still naming the user.
    advance(ID_AND_ACCESS - 30)
    expect(readStoredSession()).toMatchObject({ email, freshIdToken: undefined })

    // Past expiry Amplify refreshes; the stored session then holds the new token.
    advance(60)
    const refreshed = await amplifySession()
    expect(refreshed?.idToken).toMatch(/^ey/)
    expect(refreshed?.idToken).not.toBe(firstToken)
    await expectAgreementWhileFresh(email)
    expect(storedRefreshToken()).toBe(firstRefreshToken)

    await signOut()
    expect(await amplifySession()).toBeUndefined()
    expect(readStoredSession()).toBeUndefined()
    expect(Object.keys(localStorage).filter(isRefreshTokenKey)).toEqual([])
  })

  it('agree after a refresh that rotated the refresh token', async () => {
    await rotateRefreshTokens()
    const { email } = await signInTestUser()
    const firstRefreshToken = storedRefreshToken()
    advance(ID_AND_ACCESS + 30)
    expect(readStoredSession()).toMatchObject({ email, freshIdToken: undefined })

    expect((await amplifySession())?.idToken).toMatch(/^ey/)
    await expectAgreementWhileFresh(email)
    // The new refresh token is stored under the key stored-session.ts watches for other tabs.
    expect(storedRefreshToken()).not.toBe(firstRefreshToken)
  })

  it("fall due together when this browser's clock is behind Cognito's", async () => {
    // Cognito's clock 6 minutes ahead: Amplify measures the drift at sign-in.
    resetLocalAws({ now: () => now + 6 * 60_000 })
    const { email } = await signInTestUser()
    // A minute before the token's hour is up, read on this browser's clock: not
    // 6 minutes later, as its expiry time taken at face value would say.
    expect(readStoredSession()?.refreshDueAt).toBe(now + (ID_AND_ACCESS - 60) * 1000)
    advance(ID_AND_ACCESS - 61)
    await expectAgreementWhileFresh(email)
    advance(2)
    expect(readStoredSession()).toMatchObject({ email, freshIdToken: undefined })
    // Amplify too: it refreshes, and hands out a new token.
    expect((await amplifySession())?.idToken).not.toBe(undefined)
  })

  it('disagree, failing the check, when Amplify keeps its session under other keys', async () => {
    // What an Amplify release that renamed its keys would do: Amplify still finds
    // its session, under names stored-session.ts doesn't read.
    cognitoUserPoolsTokenProvider.setKeyValueStorage(
      renamedKeys('CognitoIdentityServiceProvider.', 'amplify-v7.'),
    )
    const { email } = await signInTestUser()
    expect((await amplifySession())?.email).toBe(email)
    await expect(expectAgreementWhileFresh(email)).rejects.toThrow()
  })
})

/** Turns refresh-token rotation on for the app's client, keeping its other settings (Update resets what it isn't sent). */
async function rotateRefreshTokens() {
  const { UserPoolClient } = await cognito<{ UserPoolClient: Record<string, unknown> }>(
    'DescribeUserPoolClient',
    { UserPoolId: DEFAULT_USER_POOL_ID, ClientId: DEFAULT_CLIENT_ID },
  )
  // What Describe answers that Update doesn't take.
  const settings = { ...UserPoolClient }
  for (const readOnly of ['ClientSecret', 'CreationDate', 'LastModifiedDate'])
    delete settings[readOnly]
  await cognito('UpdateUserPoolClient', {
    ...settings,
    ExplicitAuthFlows: (settings.ExplicitAuthFlows as string[]).filter(
      (flow) => flow !== 'ALLOW_REFRESH_TOKEN_AUTH',
    ),
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
  })
}

/** localStorage, with every key that starts with `from` kept under `to` instead. */
function renamedKeys(from: string, to: string) {
  const rename = (key: string) => (key.startsWith(from) ? to + key.slice(from.length) : key)
  return {
    setItem: async (key: string, value: string) => localStorage.setItem(rename(key), value),
    getItem: async (key: string) => localStorage.getItem(rename(key)),
    removeItem: async (key: string) => localStorage.removeItem(rename(key)),
    clear: async () => localStorage.clear(),
  }
}
