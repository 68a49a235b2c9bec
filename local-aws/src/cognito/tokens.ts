/**
 * Id, access and refresh tokens. Id/access are RS256 JWTs with Cognito's
 * claims; the refresh token is an opaque random string whose SHA-256 is kept
 * with its session (origin_jti), so revoking the session kills both. With
 * rotation, a session's refresh token is replaced at each refresh.
 */
import { SignJWT, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose'
import { bytesToBase64, randomBytes, sha256Hex } from './bytes.ts'
import type {
  ClientRecord,
  CognitoData,
  FederatedIdentity,
  PoolRecord,
  SessionRecord,
  UserRecord,
} from './data.ts'
import { notAuthorized, userNotFound } from './errors.ts'
import { privateKeyOf, publicKeyOf } from './keys.ts'

export interface TokenContext {
  data: CognitoData
  now(): number
  issuerBase: string
}

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }

/**
 * Token lifetimes in seconds. Unlike Cognito (id/access 5 min..1 day, refresh
 * 1 h..10 years) any positive value is accepted, so tests can expire tokens.
 */
export function lifetimes(client: ClientRecord) {
  const units = client.tokenValidityUnits
  return {
    id: client.idTokenValidity * (UNIT_SECONDS[units.IdToken] ?? 3600),
    access: client.accessTokenValidity * (UNIT_SECONDS[units.AccessToken] ?? 3600),
    refresh: client.refreshTokenValidity * (UNIT_SECONDS[units.RefreshToken] ?? 86400),
  }
}

/** A native user's sub is their user name; a federated user has a UUID of their own. */
export const subOf = (user: UserRecord) => user.sub ?? user.username

/** An entry of the `identities` claim, with Cognito's strings for the flag and the date. */
export function identityClaim(identity: FederatedIdentity, index: number) {
  return {
    userId: identity.userId,
    providerName: identity.providerName,
    providerType: identity.providerType,
    issuer: identity.issuer,
    primary: String(index === 0),
    dateCreated: String(identity.dateCreated),
  }
}

export const issuerOf = (ctx: TokenContext, userPoolId: string) => `${ctx.issuerBase}/${userPoolId}`

function newRefreshToken() {
  return bytesToBase64(randomBytes(96)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function createSession(
  ctx: TokenContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
) {
  const refreshToken = newRefreshToken()
  const now = ctx.now()
  const session: SessionRecord = {
    originJti: crypto.randomUUID(),
    refreshTokenHash: await sha256Hex(refreshToken),
    username: user.username,
    clientId: client.clientId,
    authTime: Math.floor(now / 1000),
    expiresAt: now + lifetimes(client).refresh * 1000,
    revoked: false,
  }
  pool.sessions[session.originJti] = session
  return { session, refreshToken }
}

export async function issueTokens(
  ctx: TokenContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  session: SessionRecord,
  { nonce }: { nonce?: string } = {},
) {
  const key = await privateKeyOf(pool)
  const kid = pool.signingKey?.kid ?? ''
  const iat = Math.floor(ctx.now() / 1000)
  const life = lifetimes(client)
  const common = {
    sub: subOf(user),
    iss: issuerOf(ctx, pool.id),
    auth_time: session.authTime,
    iat,
    origin_jti: session.originJti,
    event_id: crypto.randomUUID(),
    jti: crypto.randomUUID(),
  }
  const sign = (payload: JWTPayload) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key)
  const IdToken = await sign({
    ...common,
    jti: crypto.randomUUID(),
    aud: client.clientId,
    email: user.email,
    email_verified: user.emailVerified,
    'cognito:username': user.username,
    ...(user.identities ? { identities: user.identities.map(identityClaim) } : {}),
    ...(nonce ? { nonce } : {}),
    token_use: 'id',
    exp: iat + life.id,
  })
  const AccessToken = await sign({
    ...common,
    client_id: client.clientId,
    username: user.username,
    scope: session.scope ?? 'aws.cognito.signin.user.admin',
    token_use: 'access',
    exp: iat + life.access,
  })
  return { AccessToken, ExpiresIn: life.access, TokenType: 'Bearer', IdToken }
}

/** A refresh token's session; `usableUntil` is set when rotation replaced the token. */
export interface RefreshTokenMatch {
  session: SessionRecord
  hash: string
  usableUntil?: number
}

export async function findRefreshToken(
  pool: PoolRecord,
  refreshToken: string,
): Promise<RefreshTokenMatch | undefined> {
  const hash = await sha256Hex(refreshToken)
  for (const session of Object.values(pool.sessions)) {
    if (session.refreshTokenHash === hash) return { session, hash }
    const earlier = session.earlierRefreshTokens?.find((t) => t.hash === hash)
    if (earlier) return { session, hash, usableUntil: earlier.usableUntil }
  }
  return undefined
}

export async function findSessionByRefreshToken(pool: PoolRecord, refreshToken: string) {
  return (await findRefreshToken(pool, refreshToken))?.session
}

/**
 * Rotated-out tokens kept per session, so a reused one is recognised as such
 * (RefreshTokenReuseException) rather than unknown; older ones are forgotten.
 */
const KEPT_ROTATED_OUT = 20

/**
 * Replaces the presented refresh token with a new one, which lasts the
 * client's refresh-token validity from now. The presented token keeps working
 * for the grace period, for a retry (two tabs refreshing at once); a retry
 * within it gets a new token of its own, and the tokens already handed out
 * keep working, since either may be the one a client stored last.
 */
export async function rotateRefreshToken(
  ctx: TokenContext,
  client: ClientRecord,
  match: RefreshTokenMatch,
) {
  const { session } = match
  const now = ctx.now()
  const grace = (client.refreshTokenRotation?.retryGracePeriodSeconds ?? 0) * 1000
  const refreshToken = newRefreshToken()
  const earlier = (session.earlierRefreshTokens ?? []).filter((t) => t.hash !== match.hash)
  if (session.refreshTokenHash !== match.hash) earlier.push({ hash: session.refreshTokenHash })
  earlier.push({ hash: match.hash, usableUntil: match.usableUntil ?? now + grace })
  const live = earlier.filter((t) => t.usableUntil === undefined)
  const rotatedOut = earlier.filter((t) => t.usableUntil !== undefined).slice(-KEPT_ROTATED_OUT)
  session.earlierRefreshTokens = [...live, ...rotatedOut]
  session.refreshTokenHash = await sha256Hex(refreshToken)
  session.expiresAt = now + lifetimes(client).refresh * 1000
  return refreshToken
}

export function revokeUserSessions(pool: PoolRecord, username: string) {
  for (const session of Object.values(pool.sessions)) {
    if (session.username === username) session.revoked = true
  }
}

/** Verifies a JWT issued by one of the data's pools; returns its pool and claims. */
export async function verifyPoolJwt(ctx: TokenContext, token: string) {
  let iss: unknown
  try {
    iss = decodeJwt(token).iss
  } catch {
    return { ok: false as const, reason: 'invalid' as const }
  }
  const pool = Object.values(ctx.data.pools).find((p) => issuerOf(ctx, p.id) === iss)
  const key = pool ? await publicKeyOf(pool) : null
  if (!pool || !key) return { ok: false as const, reason: 'invalid' as const }
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: issuerOf(ctx, pool.id),
      algorithms: ['RS256'],
      currentDate: new Date(ctx.now()),
      clockTolerance: 0,
    })
    return { ok: true as const, pool, claims: payload }
  } catch (error) {
    const expired = error instanceof errors.JWTExpired
    return { ok: false as const, reason: expired ? ('expired' as const) : ('invalid' as const) }
  }
}

/** What GetUser, ChangePassword, GlobalSignOut and DeleteUser require. */
export async function verifyAccessToken(ctx: TokenContext, token: unknown) {
  if (typeof token !== 'string') throw notAuthorized('Invalid Access Token')
  const result = await verifyPoolJwt(ctx, token)
  if (!result.ok) {
    throw notAuthorized(
      result.reason === 'expired' ? 'Access Token has expired' : 'Invalid Access Token',
    )
  }
  const { pool, claims } = result
  if (claims.token_use !== 'access') throw notAuthorized('Invalid Access Token')
  const session = pool.sessions[String(claims.origin_jti)]
  const user = pool.users[String(claims.username)]
  // AdminDisableUser revokes the sessions too; the answer names the reason.
  if (user && !user.enabled) throw notAuthorized('User is disabled.')
  if (!session || session.revoked) throw notAuthorized('Access Token has been revoked')
  if (!user) throw userNotFound()
  return { pool, user, session, claims }
}
