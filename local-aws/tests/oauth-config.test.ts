// @vitest-environment node
/**
 * The pool's domain, identity providers and app clients' OAuth settings,
 * through Cognito's JSON API as the AWS SDK and CLI send it, checked as
 * Cognito checks them.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { createLocalAws, memoryStore, type LocalAws } from '../src/local-aws.ts'
import { freshState } from '../src/state.ts'
import { cognito } from './emulator.ts'
import { authorizeParams, location, pkce, send, BASE } from './oauth-helpers.ts'

const POOL = { UserPoolId: DEFAULT_USER_POOL_ID }

describe('the pool’s domain and identity providers', () => {
  it('starts with a domain, a Google provider and a client allowing the code flow', async () => {
    const { UserPoolClient } = await cognito<{ UserPoolClient: Record<string, unknown> }>(
      'DescribeUserPoolClient',
      { ...POOL, ClientId: DEFAULT_CLIENT_ID },
    )
    expect(UserPoolClient).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO', 'Google'],
      CallbackURLs: expect.arrayContaining(['http://localhost:5173/oauth/callback']),
      LogoutURLs: expect.arrayContaining(['http://localhost:5173/sign-in']),
    })
    expect(await cognito('ListIdentityProviders', POOL)).toEqual({
      Providers: [expect.objectContaining({ ProviderName: 'Google', ProviderType: 'Google' })],
    })
    expect(await cognito('DescribeUserPoolDomain', { Domain: 'local-app' })).toMatchObject({
      DomainDescription: { UserPoolId: DEFAULT_USER_POOL_ID, Status: 'ACTIVE' },
    })
    const config = await send(`${BASE}/${DEFAULT_USER_POOL_ID}/.well-known/openid-configuration`)
    expect(await config.json()).toMatchObject({
      authorization_endpoint: `${BASE}/oauth2/authorize`,
      token_endpoint: `${BASE}/oauth2/token`,
      userinfo_endpoint: `${BASE}/oauth2/userInfo`,
    })
  })

  it('replaces the domain, and serves no sign-in without one', async () => {
    await expect(cognito('CreateUserPoolDomain', { ...POOL, Domain: 'other' })).rejects.toThrow(
      /already has a domain/,
    )
    await cognito('DeleteUserPoolDomain', { ...POOL, Domain: 'local-app' })
    expect(await cognito('DescribeUserPoolDomain', { Domain: 'local-app' })).toEqual({
      DomainDescription: {},
    })
    const { challenge } = await pkce()
    const refused = location(await send(`${BASE}/oauth2/authorize?${authorizeParams(challenge)}`))
    expect(refused.pathname).toBe('/local-aws/error')
    await expect(cognito('CreateUserPoolDomain', { ...POOL, Domain: 'Not OK' })).rejects.toThrow(
      /failed to satisfy constraint/,
    )
    await cognito('CreateUserPoolDomain', { ...POOL, Domain: 'my-app' })
    expect(await cognito('DescribeUserPoolDomain', { Domain: 'my-app' })).toMatchObject({
      DomainDescription: { Domain: 'my-app' },
    })
  })

  it('creates, describes, updates and deletes providers, refusing duplicates and wrong names', async () => {
    await expect(
      cognito('CreateIdentityProvider', {
        ...POOL,
        ProviderName: 'Google',
        ProviderType: 'Google',
      }),
    ).rejects.toThrow('DuplicateProviderException')
    await expect(
      cognito('CreateIdentityProvider', {
        ...POOL,
        ProviderName: 'Apple',
        ProviderType: 'SignInWithApple',
      }),
    ).rejects.toThrow(/must be SignInWithApple/)
    const created = await cognito<{ IdentityProvider: Record<string, unknown> }>(
      'CreateIdentityProvider',
      {
        ...POOL,
        ProviderName: 'AcmeCorp',
        ProviderType: 'OIDC',
        ProviderDetails: { client_id: 'acme', oidc_issuer: 'https://idp.acme.example' },
        AttributeMapping: { email: 'email' },
      },
    )
    expect(created.IdentityProvider).toMatchObject({
      ProviderName: 'AcmeCorp',
      ProviderType: 'OIDC',
    })
    await cognito('UpdateIdentityProvider', {
      ...POOL,
      ProviderName: 'AcmeCorp',
      ProviderDetails: { authorize_scopes: 'openid email' },
    })
    const described = await cognito<{ IdentityProvider: { ProviderDetails: unknown } }>(
      'DescribeIdentityProvider',
      { ...POOL, ProviderName: 'AcmeCorp' },
    )
    expect(described.IdentityProvider.ProviderDetails).toEqual({
      client_id: 'acme',
      oidc_issuer: 'https://idp.acme.example',
      authorize_scopes: 'openid email',
    })
    await cognito('DeleteIdentityProvider', { ...POOL, ProviderName: 'AcmeCorp' })
    await expect(
      cognito('DescribeIdentityProvider', { ...POOL, ProviderName: 'AcmeCorp' }),
    ).rejects.toThrow('ResourceNotFoundException')
  })

  it('checks a client’s OAuth settings: providers that exist, flows and callback URLs', async () => {
    const client = (settings: object) =>
      cognito('UpdateUserPoolClient', { ...POOL, ClientId: DEFAULT_CLIENT_ID, ...settings })
    const base = {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: ['https://app.example/oauth/callback'],
    }
    await expect(client({ ...base, SupportedIdentityProviders: ['Facebook'] })).rejects.toThrow(
      `The provider Facebook does not exist for User Pool ${DEFAULT_USER_POOL_ID}`,
    )
    await expect(client({ ...base, AllowedOAuthFlows: ['password'] })).rejects.toThrow(
      /allowedOAuthFlows/,
    )
    await expect(client({ ...base, CallbackURLs: ['http://app.example/cb'] })).rejects.toThrow(
      /HTTPS/,
    )
    await expect(client({ ...base, CallbackURLs: [] })).rejects.toThrow(/CallbackURLs/)
    await client({ ...base, SupportedIdentityProviders: ['Google'] })
    const { UserPoolClient } = await cognito<{ UserPoolClient: Record<string, unknown> }>(
      'DescribeUserPoolClient',
      { ...POOL, ClientId: DEFAULT_CLIENT_ID },
    )
    expect(UserPoolClient).toMatchObject({ ...base, SupportedIdentityProviders: ['Google'] })
  })

  it('gives managed login to a state saved before it existed, but brings back nothing deleted', async () => {
    const describeDomain = async (localAws: LocalAws) => {
      const answer = await localAws.handle(
        new Request('http://localhost:3000/', {
          method: 'POST',
          headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPoolDomain' },
          body: JSON.stringify({ Domain: 'local-app' }),
        }),
      )
      return ((await answer?.json()) as { DomainDescription: object }).DomainDescription
    }
    const older = freshState()
    const pool = older.cognito.pools[DEFAULT_USER_POOL_ID]!
    delete pool.domain
    delete pool.identityProviders
    delete pool.clients[DEFAULT_CLIENT_ID]!.oauth
    const store = memoryStore()
    await store.save(older)
    const upgraded = createLocalAws({ store, log: () => {} })
    expect(await describeDomain(upgraded)).toMatchObject({ UserPoolId: DEFAULT_USER_POOL_ID })

    const deleted = freshState()
    delete deleted.cognito.pools[DEFAULT_USER_POOL_ID]!.domain
    await store.save(deleted)
    expect(await describeDomain(createLocalAws({ store, log: () => {} }))).toEqual({})
  })
})
