/**
 * /oauth2/token (authorization_code with PKCE, refresh_token) and
 * /oauth2/userInfo, answering as Cognito does: JSON, errors as
 * {"error": "invalid_grant"} with HTTP 400, callable from any origin.
 */
import { base64ToBytes, bytesToBase64, safeEqual, sha256, sha256Hex, utf8 } from './bytes.ts'
import type { CognitoContext } from './context.ts'
import type { ClientRecord, PoolRecord } from './data.ts'
import { CognitoError } from './errors.ts'
import { refreshSignIn } from './sign-in.ts'
import { createSession, issueTokens, subOf, verifyAccessToken } from './tokens.ts'
import { identitiesAttribute } from './users.ts'

/** Browsers call these endpoints from the app's origin. */
export function withOAuthCors(request: Request, response: Response): Response {
  const origin = request.headers.get('origin')
  if (origin) {
    response.headers.set('access-control-allow-origin', origin)
    response.headers.set('access-control-allow-credentials', 'true')
    response.headers.append('vary', 'Origin')
  }
  return response
}

export function oauthPreflight(request: Request): Response {
  return withOAuthCors(
    request,
    new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, x-amz-user-agent',
        'access-control-max-age': '86400',
      },
    }),
  )
}

const answer = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })

class OAuthError extends Error {
  readonly error: string
  constructor(error: string) {
    super(error)
    this.error = error
  }
}

const base64Url = (bytes: Uint8Array) =>
  bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** The client, from HTTP Basic or the form; one with a secret must prove it. */
function authenticateClient(ctx: CognitoContext, request: Request, form: URLSearchParams) {
  let clientId = form.get('client_id')
  let secret = form.get('client_secret')
  const basic = /^Basic (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  if (basic) {
    const decoded = new TextDecoder().decode(base64ToBytes(basic) ?? new Uint8Array())
    const colon = decoded.indexOf(':')
    if (colon < 0) throw new OAuthError('invalid_client')
    clientId = decodeURIComponent(decoded.slice(0, colon))
    secret = decodeURIComponent(decoded.slice(colon + 1))
  }
  const pool = Object.values(ctx.data.pools).find((p) => clientId && p.clients[clientId])
  const client = pool && clientId ? pool.clients[clientId] : undefined
  if (!pool || !client) throw new OAuthError('invalid_client')
  if (client.clientSecret && !(secret && safeEqual(secret, client.clientSecret))) {
    throw new OAuthError('invalid_client')
  }
  return { pool, client }
}

async function redeemCode(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  form: URLSearchParams,
) {
  const oauth = client.oauth
  if (!oauth?.allowedOAuthFlowsUserPoolClient || !oauth.allowedOAuthFlows.includes('code')) {
    throw new OAuthError('unauthorized_client')
  }
  const code = form.get('code')
  const redirectUri = form.get('redirect_uri')
  if (!code || !redirectUri) throw new OAuthError('invalid_request')
  // Not a callback URL of the client at all: Cognito says unauthorized_client, not invalid_grant.
  if (!oauth.callbackUrls.includes(redirectUri)) throw new OAuthError('unauthorized_client')
  const key = await sha256Hex(code)
  const pending = pool.oauthCodes?.[key]
  // Spent by this attempt whatever its outcome, so a retry of a refused one fails too.
  if (pending) delete pool.oauthCodes?.[key]
  if (!pending || pending.clientId !== client.clientId) throw new OAuthError('invalid_grant')
  if (pending.expiresAt <= ctx.now()) throw new OAuthError('invalid_grant')
  if (pending.redirectUri !== redirectUri) throw new OAuthError('invalid_grant')
  if (pending.codeChallenge) {
    const verifier = form.get('code_verifier')
    if (!verifier) throw new OAuthError('invalid_request')
    const challenge = base64Url(await sha256(utf8(verifier)))
    if (!safeEqual(challenge, pending.codeChallenge)) throw new OAuthError('invalid_grant')
  }
  const user = pool.users[pending.username]
  if (!user?.enabled) throw new OAuthError('invalid_grant')
  const { session, refreshToken } = await createSession(ctx, pool, client, user)
  session.authTime = pending.authTime
  session.scope = pending.scope
  const tokens = await issueTokens(ctx, pool, client, user, session, { nonce: pending.nonce })
  ctx.log(`token ${client.clientId}: code redeemed for ${user.email}`)
  return {
    ...(pending.scope.split(' ').includes('openid') ? { id_token: tokens.IdToken } : {}),
    access_token: tokens.AccessToken,
    refresh_token: refreshToken,
    expires_in: tokens.ExpiresIn,
    token_type: 'Bearer',
  }
}

async function refresh(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  form: URLSearchParams,
) {
  const token = form.get('refresh_token')
  if (!token) throw new OAuthError('invalid_request')
  const rotate = client.refreshTokenRotation?.feature === 'ENABLED'
  const { result } = await refreshSignIn(ctx, pool, client, token, { rotate }).catch(
    (error: unknown) => {
      if (error instanceof CognitoError) throw new OAuthError('invalid_grant')
      throw error
    },
  )
  const tokens: { IdToken: string; AccessToken: string; ExpiresIn: number; RefreshToken?: string } =
    result.AuthenticationResult
  return {
    id_token: tokens.IdToken,
    access_token: tokens.AccessToken,
    // With rotation on, the refresh token presented is replaced by this one.
    ...(tokens.RefreshToken ? { refresh_token: tokens.RefreshToken } : {}),
    expires_in: tokens.ExpiresIn,
    token_type: 'Bearer',
  }
}

export async function handleToken(request: Request, ctx: CognitoContext): Promise<Response> {
  try {
    const type = request.headers.get('content-type') ?? ''
    if (!type.startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError('invalid_request')
    }
    const form = new URLSearchParams(await request.text())
    const grant = form.get('grant_type')
    if (!grant) throw new OAuthError('invalid_request')
    const { pool, client } = authenticateClient(ctx, request, form)
    if (grant === 'authorization_code') return answer(await redeemCode(ctx, pool, client, form))
    if (grant === 'refresh_token') return answer(await refresh(ctx, pool, client, form))
    // client_credentials needs resource servers' scopes, which are not emulated.
    throw new OAuthError('unsupported_grant_type')
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error
    ctx.log(`token: refused (${error.error})`)
    return answer({ error: error.error }, 400)
  }
}

/** The user's attributes, for an access token with the openid scope. */
export async function handleUserInfo(request: Request, ctx: CognitoContext): Promise<Response> {
  const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  const refused = (description: string) =>
    answer({ error: 'invalid_token', error_description: description }, 401, {
      'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
    })
  if (!token) return refused('Access token is missing')
  try {
    const { user, claims } = await verifyAccessToken(ctx, token)
    if (
      !String(claims.scope ?? '')
        .split(' ')
        .includes('openid')
    ) {
      return refused('Access token does not contain openid scope')
    }
    // Cognito's userInfo answers every value as a string.
    return answer({
      ...user.attributes,
      sub: subOf(user),
      email: user.email,
      email_verified: String(user.emailVerified),
      ...(user.identities ? { identities: identitiesAttribute(user.identities) } : {}),
      username: user.username,
    })
  } catch (error) {
    if (error instanceof CognitoError) return refused(error.message)
    throw error
  }
}
