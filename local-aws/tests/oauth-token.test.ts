// @vitest-environment node
/**
 * The pool domain's token endpoint, with plain HTTP as an app's OAuth client
 * calls it: PKCE checked, codes single use and short lived, refresh, userInfo.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { PROJECTS_URL } from './api-helpers.ts'
import { cognito, createUser, resetLocalAws } from './emulator.ts'
import {
  BASE,
  authorizeParams,
  claimsOf,
  pkce,
  postForm,
  redeem,
  send,
  signInAtLogin,
} from './oauth-helpers.ts'

const EMAIL = 'ada@example.com'

async function codeFor(email = EMAIL) {
  const { verifier, challenge } = await pkce()
  const { back } = await signInAtLogin(authorizeParams(challenge), email)
  expect(back.origin + back.pathname).toBe('http://localhost:3000/oauth/callback')
  expect(back.searchParams.get('state')).toBe('the-state')
  return { code: back.searchParams.get('code') ?? '', verifier }
}

describe('the token endpoint', () => {
  it('trades the code and its PKCE verifier for tokens the API accepts', async () => {
    const { sub } = await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { code, verifier } = await codeFor()
    const { status, body } = await redeem(code, verifier)
    expect(status).toBe(200)
    expect(body).toEqual({
      id_token: expect.any(String),
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 3600,
      token_type: 'Bearer',
    })
    expect(claimsOf(body.id_token)).toMatchObject({ sub, email: EMAIL, token_use: 'id' })
    expect(claimsOf(body.access_token).scope).toBe(
      'openid email profile aws.cognito.signin.user.admin',
    )
    const projects = await send(PROJECTS_URL, {
      headers: { authorization: String(body.id_token) },
    })
    expect(projects.status).toBe(200)
  })

  it('refuses a code without its verifier, or with a wrong one, and the code is spent', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const first = await codeFor()
    expect(await redeem(first.code, undefined)).toEqual({
      status: 400,
      body: { error: 'invalid_request' },
    })
    expect((await redeem(first.code, first.verifier)).body).toEqual({ error: 'invalid_grant' })

    const second = await codeFor()
    const { verifier: other } = await pkce()
    expect(await redeem(second.code, other)).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    })
    expect((await redeem(second.code, second.verifier)).body).toEqual({ error: 'invalid_grant' })
  })

  it('takes a code once only', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { code, verifier } = await codeFor()
    expect((await redeem(code, verifier)).status).toBe(200)
    expect(await redeem(code, verifier)).toEqual({ status: 400, body: { error: 'invalid_grant' } })
  })

  it('refuses a code older than five minutes, by the emulator’s clock', async () => {
    let now = Date.now()
    resetLocalAws({ now: () => now })
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const fresh = await codeFor()
    now += 4 * 60 * 1000
    expect((await redeem(fresh.code, fresh.verifier)).status).toBe(200)
    const stale = await codeFor()
    now += 5 * 60 * 1000
    expect(await redeem(stale.code, stale.verifier)).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    })
  })

  it('wants the redirect_uri the code was issued for', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { code, verifier } = await codeFor()
    // Another of the client's callback URLs: the code was not issued for it.
    const other = { redirect_uri: 'http://localhost:5173/oauth/callback' }
    expect((await redeem(code, verifier, other)).body).toEqual({ error: 'invalid_grant' })
    // Not a callback URL at all: Cognito calls the client unauthorized.
    const again = await codeFor()
    const elsewhere = { redirect_uri: 'http://localhost:3000/elsewhere' }
    expect((await redeem(again.code, again.verifier, elsewhere)).body).toEqual({
      error: 'unauthorized_client',
    })
  })

  it('refuses an unknown client and an unknown grant type', async () => {
    expect((await redeem('x', 'y', { client_id: 'nobody' })).body).toEqual({
      error: 'invalid_client',
    })
    expect((await redeem('x', 'y', { grant_type: 'password' })).body).toEqual({
      error: 'unsupported_grant_type',
    })
  })

  it('refreshes the tokens with the refresh token, and refuses an unknown one', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { code, verifier } = await codeFor()
    const { body } = await redeem(code, verifier)
    const refresh = (token: string) =>
      postForm(`${BASE}/oauth2/token`, {
        grant_type: 'refresh_token',
        client_id: DEFAULT_CLIENT_ID,
        refresh_token: token,
      })
    const refreshed = await refresh(String(body.refresh_token))
    expect(refreshed.status).toBe(200)
    const tokens = (await refreshed.json()) as Record<string, unknown>
    expect(Object.keys(tokens).sort()).toEqual([
      'access_token',
      'expires_in',
      'id_token',
      'token_type',
    ])
    expect(claimsOf(tokens.id_token).email).toBe(EMAIL)
    const unknown = await refresh('not-a-refresh-token')
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toEqual({ error: 'invalid_grant' })
  })

  it('refreshes through InitiateAuth too, as Amplify does with a managed-login session', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { code, verifier } = await codeFor()
    const { body } = await redeem(code, verifier)
    const { AuthenticationResult } = await cognito<{
      AuthenticationResult: { IdToken: string; AccessToken: string }
    }>('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: String(body.refresh_token) },
    })
    expect(claimsOf(AuthenticationResult.IdToken).email).toBe(EMAIL)
    // The scopes granted at sign-in stay with the session.
    expect(claimsOf(AuthenticationResult.AccessToken).scope).toBe(
      'openid email profile aws.cognito.signin.user.admin',
    )
  })

  it('hands out a new refresh token and refuses the old one when the client rotates them', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { UserPoolClient } = await cognito<{ UserPoolClient: Record<string, unknown> }>(
      'DescribeUserPoolClient',
      { UserPoolId: DEFAULT_USER_POOL_ID, ClientId: DEFAULT_CLIENT_ID },
    )
    await cognito('UpdateUserPoolClient', {
      ...UserPoolClient,
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    })
    const { code, verifier } = await codeFor()
    const { body } = await redeem(code, verifier)
    const refresh = (token: unknown) =>
      postForm(`${BASE}/oauth2/token`, {
        grant_type: 'refresh_token',
        client_id: DEFAULT_CLIENT_ID,
        refresh_token: String(token),
      })
    const rotated = (await (await refresh(body.refresh_token)).json()) as Record<string, unknown>
    expect(rotated.refresh_token).toEqual(expect.any(String))
    expect(rotated.refresh_token).not.toBe(body.refresh_token)
    expect((await refresh(body.refresh_token)).status).toBe(400)
    expect((await refresh(rotated.refresh_token)).status).toBe(200)
  })

  it('answers userInfo for the access token, and refuses without one', async () => {
    const { sub } = await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { code, verifier } = await codeFor()
    const { body } = await redeem(code, verifier)
    const info = await send(`${BASE}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${String(body.access_token)}` },
    })
    expect(info.status).toBe(200)
    // Cognito answers every value as a string; an admin-confirmed sign-up has not verified its e-mail.
    expect(await info.json()).toEqual({
      sub,
      email: EMAIL,
      email_verified: 'false',
      username: sub,
    })
    expect((await send(`${BASE}/oauth2/userInfo`)).status).toBe(401)
  })

  it('answers the browser’s preflight and names the app’s origin', async () => {
    const preflight = await send(`${BASE}/oauth2/token`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    const refused = await redeem('x', 'y')
    expect(refused.status).toBe(400)
  })
})
