// @vitest-environment node
import {
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  deleteUser,
  fetchUserAttributes,
  fetchAuthSession,
  getCurrentUser,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import {
  BASE_URL,
  PASSWORD,
  callCognito,
  setupCognitoEmulator,
  uniqueEmail,
} from './cognito-harness.ts'
import { setupAmplify } from './amplify-harness.ts'

const emulator = setupCognitoEmulator()

const { registered } = setupAmplify(emulator)

describe('Amplify v6 against the local user pool', () => {
  it('signs up, confirms with the e-mailed code, signs in over SRP and gets verifiable tokens', async () => {
    const email = uniqueEmail()
    const up = await signUp({
      username: email,
      password: PASSWORD,
      options: { userAttributes: { email } },
    })
    expect(up.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP')
    expect(emulator.inbox).toMatchObject([
      { to: email, kind: 'sign-up', userPoolId: DEFAULT_USER_POOL_ID },
    ])

    const confirmed = await confirmSignUp({
      username: email,
      confirmationCode: emulator.lastCode(email),
    })
    expect(confirmed.isSignUpComplete).toBe(true)

    const result = await signIn({ username: email.toUpperCase(), password: PASSWORD })
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })

    const { tokens } = await fetchAuthSession()
    const idToken = tokens?.idToken?.toString() ?? ''
    const jwks = createRemoteJWKSet(
      new URL(`${BASE_URL}/${DEFAULT_USER_POOL_ID}/.well-known/jwks.json`),
    )
    const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
      issuer: `${BASE_URL}/${DEFAULT_USER_POOL_ID}`,
      audience: DEFAULT_CLIENT_ID,
    })
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) })
    expect(payload).toMatchObject({
      sub: up.userId,
      email,
      email_verified: true,
      'cognito:username': up.userId,
      token_use: 'id',
      origin_jti: expect.any(String),
      event_id: expect.any(String),
      jti: expect.any(String),
      auth_time: expect.any(Number),
    })
    expect(payload.exp! - payload.iat!).toBe(3600)
    expect(tokens?.accessToken.payload).toMatchObject({
      token_use: 'access',
      client_id: DEFAULT_CLIENT_ID,
      username: up.userId,
      scope: 'aws.cognito.signin.user.admin',
    })
    expect((await getCurrentUser()).username).toBe(up.userId)
  })

  it('refreshes tokens on demand and signs out', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    const before = (await fetchAuthSession()).tokens
    emulator.advance(5_000)
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens
    expect(after?.idToken?.toString()).toBeTruthy()
    expect(after?.idToken?.toString()).not.toBe(before?.idToken?.toString())
    expect(after?.idToken?.payload.origin_jti).toBe(before?.idToken?.payload.origin_jti)
    expect(after?.idToken?.payload.iat).toBeGreaterThan(before?.idToken?.payload.iat ?? Infinity)

    await signOut()
    expect((await fetchAuthSession()).tokens).toBeUndefined()
    expect(emulator.logs.some((l) => l.startsWith('RevokeToken'))).toBe(true)
  })

  it('signs in with USER_PASSWORD_AUTH', async () => {
    const email = await registered()
    const result = await signIn({
      username: email,
      password: PASSWORD,
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    })
    expect(result.isSignedIn).toBe(true)
    expect((await fetchAuthSession()).tokens?.idToken?.payload.email).toBe(email)
  })

  it('signs in automatically after confirmSignUp when asked to (autoSignIn)', async () => {
    const email = uniqueEmail()
    await signUp({
      username: email,
      password: PASSWORD,
      options: { userAttributes: { email }, autoSignIn: true },
    })
    const confirmed = await confirmSignUp({
      username: email,
      confirmationCode: emulator.lastCode(email),
    })
    expect(confirmed.nextStep.signUpStep).toBe('COMPLETE_AUTO_SIGN_IN')
    expect((await autoSignIn()).isSignedIn).toBe(true)
    expect((await fetchAuthSession()).tokens?.idToken?.payload.email).toBe(email)
  })

  it('asks a user created by an admin for a new password on first sign-in', async () => {
    const email = uniqueEmail()
    await callCognito('AdminCreateUser', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      Username: email,
      TemporaryPassword: 'T3mporary!',
    })
    const first = await signIn({ username: email, password: 'T3mporary!' })
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED')
    const done = await confirmSignIn({ challengeResponse: PASSWORD })
    expect(done.isSignedIn).toBe(true)
    expect(await fetchUserAttributes()).toMatchObject({ email })
  })

  it('signs out everywhere, so another session can no longer refresh', async () => {
    const email = await registered()
    const other = await callCognito('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    })
    const refreshToken = (other.body.AuthenticationResult as { RefreshToken: string }).RefreshToken
    await signIn({ username: email, password: PASSWORD })
    await signOut({ global: true })
    const refresh = await callCognito('GetTokensFromRefreshToken', {
      ClientId: DEFAULT_CLIENT_ID,
      RefreshToken: refreshToken,
    })
    expect(refresh.body).toMatchObject({ message: 'Refresh Token has been revoked' })
  })

  it('deletes the signed-in user, who can then no longer sign in', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    await deleteUser()
    await expect(signIn({ username: email, password: PASSWORD })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })
})
