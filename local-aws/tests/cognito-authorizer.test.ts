// @vitest-environment node
import { SignJWT, UnsecuredJWT, decodeJwt, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { addUserPool, verifyApiToken } from '../src/cognito/service.ts'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import {
  BASE_URL,
  PASSWORD,
  callCognito,
  setupCognitoEmulator,
  uniqueEmail,
} from './cognito-harness.ts'

const emulator = setupCognitoEmulator()
/** As the /projects API's authorizer is set up: this pool, the app's own client. */
const authorizer = { userPoolId: DEFAULT_USER_POOL_ID, clientIds: [DEFAULT_CLIENT_ID] }
const UNAUTHORIZED = { ok: false, message: 'Unauthorized' }

async function signedInTokens(UserPoolId = DEFAULT_USER_POOL_ID, ClientId = DEFAULT_CLIENT_ID) {
  const email = uniqueEmail()
  await callCognito('AdminCreateUser', { UserPoolId, Username: email, TemporaryPassword: PASSWORD })
  await callCognito('AdminSetUserPassword', {
    UserPoolId,
    Username: email,
    Password: PASSWORD,
    Permanent: true,
  })
  const { body } = await callCognito('AdminInitiateAuth', {
    UserPoolId,
    ClientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  })
  return body.AuthenticationResult as { IdToken: string; AccessToken: string }
}

describe('the API authorizer (verifyApiToken)', () => {
  it('lets a fresh IdToken of this pool through with its claims', async () => {
    const { IdToken } = await signedInTokens()
    const result = await verifyApiToken(IdToken, emulator.ctx, authorizer)
    expect(result).toMatchObject({ ok: true, claims: { token_use: 'id', aud: DEFAULT_CLIENT_ID } })
  })

  it('refuses a missing or malformed token', async () => {
    expect(await verifyApiToken(null, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
    expect(await verifyApiToken('', emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
    expect(await verifyApiToken('not-a-jwt', emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
    expect(await verifyApiToken('Bearer eyJ.eyJ.sig', emulator.ctx, authorizer)).toEqual(
      UNAUTHORIZED,
    )
  })

  it('refuses a token with the right claims signed by another key, or not signed at all', async () => {
    const { IdToken } = await signedInTokens()
    const claims = decodeJwt(IdToken)
    const { privateKey } = await generateKeyPair('RS256')
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .sign(privateKey)
    expect(await verifyApiToken(forged, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
    const unsigned = new UnsecuredJWT(claims).encode()
    expect(await verifyApiToken(unsigned, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
    const [header, , signature] = IdToken.split('.')
    const tampered = `${header}.${btoa(JSON.stringify({ ...claims, email: 'x@evil.test' })).replace(/=+$/, '')}.${signature}`
    expect(await verifyApiToken(tampered, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
  })

  it('refuses an IdToken of a client of another pool', async () => {
    const other = addUserPool(emulator.data, 'local-1_0therP00l')
    const { body } = await callCognito('CreateUserPoolClient', {
      UserPoolId: other.id,
      ClientName: 'other',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    })
    const clientId = (body.UserPoolClient as { ClientId: string }).ClientId
    const { IdToken } = await signedInTokens(other.id, clientId)
    expect(decodeJwt(IdToken).iss).toBe(`${BASE_URL}/local-1_0therP00l`)
    expect(await verifyApiToken(IdToken, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
  })

  it('refuses an IdToken of another app client of the same pool', async () => {
    const { body } = await callCognito('CreateUserPoolClient', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ClientName: 'another-app',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    })
    const clientId = (body.UserPoolClient as { ClientId: string }).ClientId
    const { IdToken } = await signedInTokens(DEFAULT_USER_POOL_ID, clientId)
    expect(await verifyApiToken(IdToken, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
    // The same token passes an authorizer that names that client.
    const forThatClient = { userPoolId: DEFAULT_USER_POOL_ID, clientIds: [clientId] }
    expect((await verifyApiToken(IdToken, emulator.ctx, forThatClient)).ok).toBe(true)
  })

  it('refuses an AccessToken: the API wants the IdToken', async () => {
    const { AccessToken } = await signedInTokens()
    expect(await verifyApiToken(AccessToken, emulator.ctx, authorizer)).toEqual(UNAUTHORIZED)
  })

  it('says an expired IdToken has expired', async () => {
    const { IdToken } = await signedInTokens()
    emulator.advance(3600 * 1000)
    expect(await verifyApiToken(IdToken, emulator.ctx, authorizer)).toEqual({
      ok: false,
      message: 'The incoming token has expired',
    })
  })

  it('honours a short IdToken lifetime set on the app client', async () => {
    const { body } = await callCognito('CreateUserPoolClient', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ClientName: 'short-lived',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      IdTokenValidity: 30,
      TokenValidityUnits: { IdToken: 'seconds' },
    })
    const clientId = (body.UserPoolClient as { ClientId: string }).ClientId
    const { IdToken } = await signedInTokens(DEFAULT_USER_POOL_ID, clientId)
    const forThatClient = { userPoolId: DEFAULT_USER_POOL_ID, clientIds: [clientId] }
    expect((await verifyApiToken(IdToken, emulator.ctx, forThatClient)).ok).toBe(true)
    emulator.advance(30_000)
    expect(await verifyApiToken(IdToken, emulator.ctx, forThatClient)).toMatchObject({
      message: 'The incoming token has expired',
    })
  })
})

describe('well-known documents', () => {
  it('publishes the JWKS and OpenID configuration of a pool, and 404s an unknown pool', async () => {
    const config = await (
      await fetch(`${BASE_URL}/${DEFAULT_USER_POOL_ID}/.well-known/openid-configuration`)
    ).json()
    expect(config).toMatchObject({
      issuer: `${BASE_URL}/${DEFAULT_USER_POOL_ID}`,
      jwks_uri: `${BASE_URL}/${DEFAULT_USER_POOL_ID}/.well-known/jwks.json`,
    })
    const jwks = (await (await fetch(config.jwks_uri)).json()) as {
      keys: Record<string, unknown>[]
    }
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
    expect(jwks.keys[0]).not.toHaveProperty('d')
    const missing = await fetch(`${BASE_URL}/local-1_Nope/.well-known/jwks.json`)
    expect(missing.status).toBe(404)
  })
})
