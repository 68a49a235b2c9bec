// @vitest-environment node
/**
 * Signing in through the providers' stand-in pages with plain HTTP: the
 * federated user Cognito makes, cancelling, custom providers, and linking a
 * provider to a native user.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { providerSubject } from '../src/cognito/federation.ts'
import { PROJECTS_URL } from './api-helpers.ts'
import { cognito, createUser } from './emulator.ts'
import {
  BASE,
  CALLBACK,
  authorizeParams,
  claimsOf,
  pkce,
  redeem,
  send,
  signInWithProvider,
} from './oauth-helpers.ts'

const POOL = { UserPoolId: DEFAULT_USER_POOL_ID }
const EMAIL = 'ada@example.com'

/** The app client with the code flow, offering only these providers. */
const offerOnlyProviders = (providers: string[]) =>
  cognito('UpdateUserPoolClient', {
    ...POOL,
    ClientId: DEFAULT_CLIENT_ID,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    AllowedOAuthFlowsUserPoolClient: true,
    CallbackURLs: [CALLBACK],
    SupportedIdentityProviders: providers,
  })

async function tokensVia(provider: string, email: string) {
  const { verifier, challenge } = await pkce()
  const { back, html } = await signInWithProvider(authorizeParams(challenge), provider, email)
  expect(back.origin + back.pathname).toBe(CALLBACK)
  const { status, body } = await redeem(back.searchParams.get('code') ?? '', verifier)
  expect(status).toBe(200)
  return { body, html, id: claimsOf(body.id_token) }
}

describe('signing in with an identity provider', () => {
  it('makes the federated user as Cognito does on a first Google sign-in, and reuses it', async () => {
    const { body, html, id } = await tokensVia('Google', EMAIL)
    expect(html).toContain('<title>Google (local emulator)</title>')
    const subject = await providerSubject('Google', EMAIL)
    expect(id).toMatchObject({
      'cognito:username': `Google_${subject}`,
      email: EMAIL,
      email_verified: true,
      identities: [
        {
          userId: subject,
          providerName: 'Google',
          providerType: 'Google',
          issuer: null,
          primary: 'true',
          dateCreated: expect.stringMatching(/^\d+$/),
        },
      ],
    })
    expect(id.sub).not.toBe(id['cognito:username'])
    const user = await cognito<{ UserStatus: string; UserAttributes: { Name: string }[] }>(
      'AdminGetUser',
      { ...POOL, Username: `Google_${subject}` },
    )
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER')
    expect(user.UserAttributes.map((a) => a.Name)).toEqual(
      expect.arrayContaining(['identities', 'email', 'email_verified', 'sub']),
    )
    const projects = await send(PROJECTS_URL, {
      headers: { authorization: String(body.id_token) },
    })
    expect(projects.status).toBe(200)
    const info = await send(`${BASE}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${String(body.access_token)}` },
    })
    expect(await info.json()).toMatchObject({
      username: `Google_${subject}`,
      email_verified: 'true',
      identities: expect.stringContaining('"providerName":"Google"'),
    })

    const again = await tokensVia('Google', EMAIL)
    expect(again.id.sub).toBe(id.sub)
    expect(again.html).toContain(`value="${EMAIL}"`) // offered as a recent e-mail
  })

  it('sends access_denied and the state back when the user cancels at the provider', async () => {
    const { challenge } = await pkce()
    const { back } = await signInWithProvider(authorizeParams(challenge), 'Google', EMAIL, 'cancel')
    expect(back.origin + back.pathname).toBe(CALLBACK)
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(back.searchParams.get('state')).toBe('the-state')
    const { Users } = await cognito<{ Users: unknown[] }>('ListUsers', POOL)
    expect(Users).toEqual([])
  })

  it('relays Apple’s own code when the user cancels at Sign in with Apple', async () => {
    await cognito('CreateIdentityProvider', {
      ...POOL,
      ProviderName: 'SignInWithApple',
      ProviderType: 'SignInWithApple',
    })
    await offerOnlyProviders(['SignInWithApple'])
    const { challenge } = await pkce()
    const { back, html } = await signInWithProvider(
      authorizeParams(challenge),
      'SignInWithApple',
      EMAIL,
      'cancel',
    )
    expect(html).toContain('<title>Apple (local emulator)</title>')
    expect(back.searchParams.get('error')).toBe('user_cancelled_authorize')
    expect(back.searchParams.get('state')).toBe('the-state')
  })

  it('stands in for a custom OIDC provider under its own name', async () => {
    await cognito('CreateIdentityProvider', {
      ...POOL,
      ProviderName: 'AcmeCorp',
      ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'acme', oidc_issuer: 'https://idp.acme.example' },
    })
    await offerOnlyProviders(['COGNITO', 'AcmeCorp'])
    const { html, id } = await tokensVia('AcmeCorp', EMAIL)
    expect(html).toContain('<title>AcmeCorp (local emulator)</title>')
    expect(id['cognito:username']).toMatch(/^AcmeCorp_\d+$/)
    expect(id.identities).toEqual([
      expect.objectContaining({ providerType: 'OIDC', issuer: 'https://idp.acme.example' }),
    ])
  })

  it('keeps a Google sign-in apart from the native user with that e-mail until an administrator links them', async () => {
    const native = await createUser({ email: EMAIL, password: 'Correct-horse-1' })
    const separate = await tokensVia('Google', EMAIL)
    expect(separate.id.sub).not.toBe(native.sub)

    // Cognito won't merge: the provider's account already has a user of its own.
    const subject = await providerSubject('Google', EMAIL)
    const link = (value: string) =>
      cognito('AdminLinkProviderForUser', {
        ...POOL,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: native.sub },
        SourceUser: {
          ProviderName: 'Google',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: value,
        },
      })
    await expect(link(subject)).rejects.toThrow(/Merging is not currently supported/)

    const other = 'grace@example.com'
    await link(await providerSubject('Google', other))
    const linked = await tokensVia('Google', other)
    expect(linked.id.sub).toBe(native.sub)
    expect(linked.id['cognito:username']).toBe(native.sub)
    expect(linked.id.identities).toEqual([expect.objectContaining({ providerName: 'Google' })])
  })
})
