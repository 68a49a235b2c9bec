/**
 * App-client rules as Cognito applies them: the client must exist, a client
 * with a secret needs a valid SECRET_HASH, and each auth flow must be enabled.
 */
import { base64ToBytes, bytesToBase64, hmacSha256, safeEqual, utf8 } from './bytes.ts'
import type { ClientRecord, CognitoData, PoolRecord } from './data.ts'
import { invalidParameter, notAuthorized, resourceNotFound } from './errors.ts'

export function findClient(
  data: CognitoData,
  clientId: unknown,
): { pool: PoolRecord; client: ClientRecord } {
  const id = typeof clientId === 'string' ? clientId : ''
  for (const pool of Object.values(data.pools)) {
    const client = pool.clients[id]
    if (client) return { pool, client }
  }
  throw resourceNotFound(`User pool client ${id} does not exist.`)
}

export function findPool(data: CognitoData, userPoolId: unknown): PoolRecord {
  const id = typeof userPoolId === 'string' ? userPoolId : ''
  const pool = data.pools[id]
  if (!pool) throw resourceNotFound(`User pool ${id} does not exist.`)
  return pool
}

export function findPoolClient(pool: PoolRecord, clientId: unknown): ClientRecord {
  const client = pool.clients[typeof clientId === 'string' ? clientId : '']
  if (!client) throw resourceNotFound(`User pool client ${String(clientId)} does not exist.`)
  return client
}

export async function secretHash(secret: string, username: string, clientId: string) {
  return bytesToBase64(await hmacSha256(utf8(secret), utf8(username + clientId)))
}

/**
 * For a client with a secret: SECRET_HASH = Base64(HMAC-SHA256(secret,
 * username + clientId)) must match one of the names the user goes by.
 */
export async function assertSecretHash(client: ClientRecord, given: unknown, usernames: string[]) {
  if (!client.clientSecret) return
  const fail = notAuthorized(`Unable to verify secret hash for client ${client.clientId}`)
  if (typeof given !== 'string' || !base64ToBytes(given)) throw fail
  for (const name of usernames) {
    if (safeEqual(await secretHash(client.clientSecret, name, client.clientId), given)) return
  }
  throw fail
}

/** GetTokensFromRefreshToken and RevokeToken send the secret itself. */
export function assertClientSecret(client: ClientRecord, given: unknown) {
  if (!client.clientSecret) return
  if (typeof given !== 'string' || !safeEqual(given, client.clientSecret)) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`)
  }
}

export function assertFlowEnabled(client: ClientRecord, flow: string) {
  if (client.explicitAuthFlows.includes(flow)) return
  if (flow === 'ALLOW_USER_PASSWORD_AUTH')
    throw invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client')
  throw invalidParameter('Auth flow not enabled for this client')
}

export const preventsUserExistenceErrors = (client: ClientRecord) =>
  client.preventUserExistenceErrors === 'ENABLED'
