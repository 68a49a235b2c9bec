// @vitest-environment node
/**
 * /oauth2/authorize, /login and /logout with plain HTTP, as a browser meets
 * them: what is refused and how, and the managed-login session.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { cognito, createUser } from './emulator.ts'
import {
  BASE,
  CALLBACK,
  SIGNED_OUT,
  authorizeParams,
  hiddenFields,
  location,
  pkce,
  postForm,
  send,
  signInAtLogin,
} from './oauth-helpers.ts'

const EMAIL = 'ada@example.com'
const authorize = (params: URLSearchParams, headers = {}) =>
  send(`${BASE}/oauth2/authorize?${params}`, { headers })

describe('the authorize endpoint', () => {
  it('shows its own error for a redirect_uri not in CallbackURLs, never going there', async () => {
    const { challenge } = await pkce()
    const params = authorizeParams(challenge, { redirect_uri: 'https://evil.example/callback' })
    const error = location(await authorize(params))
    expect(error.origin + error.pathname).toBe(`${BASE}/error`)
    expect(error.searchParams.get('error')).toBe('redirect_mismatch')
    const page = await send(error.href)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('redirect_mismatch')
  })

  it('sends other refusals back to the app with the error and the state', async () => {
    const { challenge } = await pkce()
    const back = location(
      await authorize(authorizeParams(challenge, { identity_provider: 'Facebook' })),
    )
    expect(back.origin + back.pathname).toBe(CALLBACK)
    expect(back.searchParams.get('error')).toBe('unauthorized_client')
    expect(back.searchParams.get('state')).toBe('the-state')

    const scope = location(await authorize(authorizeParams(challenge, { scope: 'openid phone' })))
    expect(scope.searchParams.get('error')).toBe('invalid_scope')

    const plain = location(
      await authorize(authorizeParams(challenge, { code_challenge_method: 'plain' })),
    )
    expect(plain.searchParams.get('error')).toBe('invalid_request')
  })

  it('refuses the code flow to a client that doesn’t allow it', async () => {
    await cognito('UpdateUserPoolClient', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ClientId: DEFAULT_CLIENT_ID,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['COGNITO'],
    })
    const { challenge } = await pkce()
    const back = location(await authorize(authorizeParams(challenge)))
    expect(back.origin + back.pathname).toBe(CALLBACK)
    expect(back.searchParams.get('error')).toBe('unauthorized_client')
    expect(back.searchParams.get('state')).toBe('the-state')
  })

  it('shows a plain sign-in form that works without script, and says when the password is wrong', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { challenge } = await pkce()
    const toLogin = location(await authorize(authorizeParams(challenge)))
    const page = await send(toLogin.href)
    const html = await page.clone().text()
    expect(html).toContain('<form method="post"')
    expect(html).toContain('Continue with Google')
    expect(html).not.toMatch(/<script|style=/)
    const wrong = await postForm(`${BASE}/login`, {
      ...(await hiddenFields(page)),
      username: EMAIL,
      password: 'Wrong-horse-1',
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('Incorrect username or password.')
  })

  it('skips the form within the managed-login session, until /logout ends it', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { challenge } = await pkce()
    const { back, cookie } = await signInAtLogin(authorizeParams(challenge), EMAIL)
    expect(back.searchParams.get('code')).toBeTruthy()
    expect(cookie).toMatch(/^local-aws-login=/)

    const again = location(await authorize(authorizeParams(challenge), { cookie }))
    expect(again.origin + again.pathname).toBe(CALLBACK)
    expect(again.searchParams.get('code')).toBeTruthy()

    const badLogout = location(
      await send(`${BASE}/logout?client_id=${DEFAULT_CLIENT_ID}&logout_uri=https://evil.example/`, {
        headers: { cookie },
      }),
    )
    expect(badLogout.searchParams.get('error')).toBe('redirect_mismatch')
    const logout = await send(
      `${BASE}/logout?${new URLSearchParams({ client_id: DEFAULT_CLIENT_ID, logout_uri: SIGNED_OUT })}`,
      { headers: { cookie } },
    )
    expect(location(logout).href).toBe(SIGNED_OUT)
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0')

    const afterLogout = location(await authorize(authorizeParams(challenge), { cookie }))
    expect(afterLogout.pathname).toBe('/local-aws/login')
  })

  it('asks again within the session when the app says prompt=login, starting from login_hint', async () => {
    await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const { challenge } = await pkce()
    const { cookie } = await signInAtLogin(authorizeParams(challenge), EMAIL)
    const params = authorizeParams(challenge, { prompt: 'login', login_hint: EMAIL })
    const toLogin = location(await authorize(params, { cookie }))
    expect(toLogin.pathname).toBe('/local-aws/login')
    const page = await send(toLogin.href, { headers: { cookie } })
    expect(await page.text()).toContain(
      `name="username" type="email" autocomplete="username" value="${EMAIL}"`,
    )
  })

  it('finds the provider by one of its identifiers (idp_identifier)', async () => {
    await cognito('UpdateIdentityProvider', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ProviderName: 'Google',
      IdpIdentifiers: ['example.com'],
    })
    const { challenge } = await pkce()
    const toProvider = location(
      await authorize(authorizeParams(challenge, { idp_identifier: 'example.com' })),
    )
    expect(toProvider.pathname).toBe('/local-aws/provider/Google')
  })
})
