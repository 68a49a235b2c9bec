/**
 * App clients, so tests can make misconfigured ones: with a secret, without a
 * flow, with short token lifetimes; and refresh-token rotation.
 */
import { randomString } from './bytes.ts'
import { clientOAuthOf, describeClientOAuth } from './client-oauth.ts'
import { findPool, findPoolClient } from './clients.ts'
import { record, str, type Body, type CognitoContext } from './context.ts'
import {
  DEFAULT_TOKEN_UNITS,
  type ClientRecord,
  type PoolRecord,
  type RefreshTokenRotation,
} from './data.ts'
import { invalidParameter } from './errors.ts'
import { assertEssentials } from './sign-in-policy.ts'

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const VALID_FLOWS = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_AUTH',
]
const UNITS = ['seconds', 'minutes', 'hours', 'days']

function describe(pool: PoolRecord, client: ClientRecord) {
  return {
    UserPoolId: pool.id,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}),
    CreationDate: client.createdAt / 1000,
    LastModifiedDate: (client.updatedAt ?? client.createdAt) / 1000,
    ExplicitAuthFlows: client.explicitAuthFlows,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    IdTokenValidity: client.idTokenValidity,
    AccessTokenValidity: client.accessTokenValidity,
    RefreshTokenValidity: client.refreshTokenValidity,
    TokenValidityUnits: client.tokenValidityUnits,
    RefreshTokenRotation: {
      Feature: client.refreshTokenRotation?.feature ?? 'DISABLED',
      RetryGracePeriodSeconds: client.refreshTokenRotation?.retryGracePeriodSeconds ?? 0,
    },
    ...describeClientOAuth(client),
  }
}

const validationError = (value: unknown, at: string, constraint: string) =>
  invalidParameter(
    `1 validation error detected: Value '${String(value)}' at '${at}' failed to satisfy constraint: ${constraint}`,
  )

/** RefreshTokenRotation as given; absent, rotation is off. */
function rotationOf(pool: PoolRecord, value: unknown): RefreshTokenRotation | undefined {
  if (value === undefined || value === null) return undefined
  const given = record(value)
  const feature = given.Feature
  if (feature !== 'ENABLED' && feature !== 'DISABLED') {
    throw validationError(
      feature,
      'refreshTokenRotation.feature',
      feature === undefined
        ? 'Member must not be null'
        : 'Member must satisfy enum value set: [ENABLED, DISABLED]',
    )
  }
  const grace = given.RetryGracePeriodSeconds ?? 0
  if (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0 || grace > 60) {
    throw validationError(
      grace,
      'refreshTokenRotation.retryGracePeriodSeconds',
      typeof grace === 'number' && grace > 60
        ? 'Member must have value less than or equal to 60'
        : 'Member must have value greater than or equal to 0',
    )
  }
  if (feature === 'ENABLED') assertEssentials(pool, 'Refresh token rotation')
  return { feature, retryGracePeriodSeconds: grace }
}

function positive(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !(value > 0))
    throw invalidParameter(`${name} must be a positive number`)
  return value
}

/**
 * The settings CreateUserPoolClient and UpdateUserPoolClient take; as on AWS,
 * a setting left out gets its default, on an update too.
 * Deviation from Cognito: token lifetimes may be as short as one second
 * (TokenValidityUnits "seconds" is accepted too), so tests can expire tokens.
 */
function settingsOf(pool: PoolRecord, body: Body) {
  const flows = Array.isArray(body.ExplicitAuthFlows)
    ? (body.ExplicitAuthFlows as unknown[]).map(String)
    : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH']
  const unknown = flows.find((f) => !VALID_FLOWS.includes(f))
  if (unknown) throw invalidParameter(`${unknown} is not a valid explicit auth flow`)
  const units = record(body.TokenValidityUnits)
  const unit = (name: keyof typeof DEFAULT_TOKEN_UNITS) => {
    const value = str(units[name]) ?? DEFAULT_TOKEN_UNITS[name]
    if (!UNITS.includes(value))
      throw invalidParameter(`${value} is not a valid TokenValidityUnits value`)
    return value
  }
  const settings = {
    explicitAuthFlows: flows,
    preventUserExistenceErrors:
      body.PreventUserExistenceErrors === 'ENABLED' ? ('ENABLED' as const) : ('LEGACY' as const),
    idTokenValidity: positive(body.IdTokenValidity, 1, 'IdTokenValidity'),
    accessTokenValidity: positive(body.AccessTokenValidity, 1, 'AccessTokenValidity'),
    refreshTokenValidity: positive(body.RefreshTokenValidity, 30, 'RefreshTokenValidity'),
    tokenValidityUnits: {
      IdToken: unit('IdToken'),
      AccessToken: unit('AccessToken'),
      RefreshToken: unit('RefreshToken'),
    },
  }
  const rotation = rotationOf(pool, body.RefreshTokenRotation)
  const oauth = clientOAuthOf(pool, body)
  return {
    ...settings,
    ...(rotation ? { refreshTokenRotation: rotation } : {}),
    ...(oauth ? { oauth } : {}),
  }
}

export async function createUserPoolClient(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const client: ClientRecord = {
    clientId: randomString(26, ID_ALPHABET),
    clientName: str(body.ClientName) ?? 'client',
    ...settingsOf(pool, body),
    createdAt: ctx.now(),
  }
  if (body.GenerateSecret === true) client.clientSecret = randomString(51, ID_ALPHABET)
  pool.clients[client.clientId] = client
  ctx.log(`CreateUserPoolClient ${client.clientName} → ${client.clientId}`)
  return { UserPoolClient: describe(pool, client) }
}

/** Keeps the id, the secret and (when not given) the name; every other setting is as given. */
export async function updateUserPoolClient(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const old = findPoolClient(pool, body.ClientId)
  const client: ClientRecord = {
    clientId: old.clientId,
    clientName: str(body.ClientName) ?? old.clientName,
    ...(old.clientSecret ? { clientSecret: old.clientSecret } : {}),
    ...settingsOf(pool, body),
    createdAt: old.createdAt,
    updatedAt: ctx.now(),
  }
  pool.clients[client.clientId] = client
  const rotation = client.refreshTokenRotation
  ctx.log(
    `UpdateUserPoolClient ${client.clientId}: refresh token rotation ${rotation?.feature === 'ENABLED' ? `on, ${rotation.retryGracePeriodSeconds} s grace` : 'off'}`,
  )
  return { UserPoolClient: describe(pool, client) }
}

export async function describeUserPoolClient(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  return { UserPoolClient: describe(pool, findPoolClient(pool, body.ClientId)) }
}

export async function deleteUserPoolClient(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const client = findPoolClient(pool, body.ClientId)
  delete pool.clients[client.clientId]
  for (const [jti, session] of Object.entries(pool.sessions)) {
    if (session.clientId === client.clientId) delete pool.sessions[jti]
  }
  ctx.log(`DeleteUserPoolClient ${client.clientId}`)
  return {}
}
