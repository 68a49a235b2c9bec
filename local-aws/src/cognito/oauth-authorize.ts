/**
 * What /oauth2/authorize, /login and the providers' stand-in pages all check
 * before a user may sign in (the client, its callback URL, flow, scopes,
 * PKCE and provider), and the redirect that ends each: with a code, or with
 * Cognito's error.
 */
import { randomString, sha256Hex } from './bytes.ts'
import type { CognitoContext } from './context.ts'
import type { ClientRecord, PoolRecord, UserRecord } from './data.ts'

/** Cognito's lifetime of an authorization code. */
export const CODE_LIFETIME_MS = 5 * 60 * 1000
/** The parameters a sign-in carries from /oauth2/authorize to the page that finishes it. */
export const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'nonce',
  'prompt',
  'login_hint',
] as const

export interface AuthorizeRequest {
  pool: PoolRecord
  client: ClientRecord
  redirectUri: string
  state?: string
  scope: string
  codeChallenge?: string
  nonce?: string
  /** The provider asked for (identity_provider, or one of its idp_identifier), if any. */
  identityProvider?: string
  /** prompt=login: sign in again even within a managed-login session. */
  forceLogin: boolean
  /** The e-mail the forms start with. */
  loginHint?: string
  /** The OAuth parameters as received, for the next page's form and links. */
  params: URLSearchParams
}

export type Checked = { ok: true; request: AuthorizeRequest } | { ok: false; response: Response }

export const redirect = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, {
    status: 302,
    headers: { location, 'cache-control': 'no-store', ...headers },
  })

/** Where Cognito sends the browser when it can't trust the redirect_uri: its own error page. */
function errorPage(base: string, error: string, clientId: string): Checked {
  const query = new URLSearchParams({ error, client_id: clientId })
  return { ok: false, response: redirect(`${base}/error?${query}`) }
}

export function redirectWithParams(
  redirectUri: string,
  params: Record<string, string | undefined>,
) {
  const url = new URL(redirectUri)
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value)
  }
  return redirect(url.href)
}

/** Checks an authorization request as Cognito does, in Cognito's order. */
export function checkAuthorize(ctx: CognitoContext, base: string, given: URLSearchParams): Checked {
  const params = new URLSearchParams()
  for (const name of AUTHORIZE_PARAMS) {
    const value = given.get(name)
    if (value !== null) params.set(name, value)
  }
  const clientId = params.get('client_id') ?? ''
  const pool = Object.values(ctx.data.pools).find((p) => p.clients[clientId])
  const client = pool?.clients[clientId]
  if (!pool || !client || !pool.domain) return errorPage(base, 'invalid_request', clientId)
  const redirectUri = params.get('redirect_uri') ?? ''
  const oauth = client.oauth
  if (!oauth || !oauth.callbackUrls.includes(redirectUri)) {
    ctx.log(
      `authorize ${clientId}: redirect_uri not in the client's CallbackURLs (redirect_mismatch)`,
    )
    return errorPage(base, 'redirect_mismatch', clientId)
  }
  const state = params.get('state') ?? undefined
  const refuse = (error: string, description: string): Checked => {
    ctx.log(`authorize ${clientId}: ${error} (${description})`)
    return {
      ok: false,
      response: redirectWithParams(redirectUri, { error, error_description: description, state }),
    }
  }
  const responseType = params.get('response_type')
  if (!responseType) return refuse('invalid_request', 'response_type is required')
  if (responseType !== 'code') {
    // The implicit grant (response_type=token) is not emulated.
    return refuse('unsupported_response_type', `response_type ${responseType} is not supported`)
  }
  if (!oauth.allowedOAuthFlowsUserPoolClient || !oauth.allowedOAuthFlows.includes('code')) {
    return refuse('unauthorized_client', 'the client does not allow the code flow')
  }
  const requested = (params.get('scope') ?? '').split(/[ +]/).filter(Boolean)
  const unknownScope = requested.find((s) => !oauth.allowedOAuthScopes.includes(s))
  if (unknownScope) return refuse('invalid_scope', `${unknownScope} is not allowed for the client`)
  const codeChallenge = params.get('code_challenge') ?? undefined
  const method = params.get('code_challenge_method') ?? undefined
  if ((codeChallenge || method) && (method !== 'S256' || !codeChallenge)) {
    return refuse('invalid_request', 'code_challenge with code_challenge_method S256 is required')
  }
  const idpIdentifier = given.get('idp_identifier')
  const identityProvider =
    given.get('identity_provider') ??
    (idpIdentifier
      ? (Object.values(pool.identityProviders ?? {}).find((p) =>
          p.idpIdentifiers.includes(idpIdentifier),
        )?.name ?? idpIdentifier)
      : undefined)
  if (identityProvider && !oauth.supportedIdentityProviders.includes(identityProvider)) {
    return refuse('unauthorized_client', `${identityProvider} is not enabled for the client`)
  }
  return {
    ok: true,
    request: {
      pool,
      client,
      redirectUri,
      state,
      // None asked for: all the client's scopes, as Cognito grants.
      scope: (requested.length > 0 ? requested : oauth.allowedOAuthScopes).join(' '),
      codeChallenge,
      nonce: params.get('nonce') ?? undefined,
      identityProvider,
      forceLogin: params.get('prompt') === 'login',
      loginHint: params.get('login_hint') ?? undefined,
      params,
    },
  }
}

/** A single-use code for the user, and the redirect that hands it to the app. */
export async function redirectWithCode(
  ctx: CognitoContext,
  request: AuthorizeRequest,
  user: UserRecord,
  authTime: number,
  headers: Record<string, string> = {},
): Promise<Response> {
  const now = ctx.now()
  const codes = (request.pool.oauthCodes ??= {})
  for (const [code, pending] of Object.entries(codes)) {
    if (pending.expiresAt <= now) delete codes[code]
  }
  const code = randomString(36, 'abcdefghijklmnopqrstuvwxyz0123456789')
  // Kept as its hash, as refresh tokens are: the state file holds no usable code.
  codes[await sha256Hex(code)] = {
    clientId: request.client.clientId,
    username: user.username,
    redirectUri: request.redirectUri,
    scope: request.scope,
    ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
    ...(request.nonce ? { nonce: request.nonce } : {}),
    authTime,
    expiresAt: now + CODE_LIFETIME_MS,
  }
  ctx.log(`authorize ${request.client.clientId}: code issued to ${user.email}`)
  const response = redirectWithParams(request.redirectUri, { code, state: request.state })
  for (const [name, value] of Object.entries(headers)) response.headers.append(name, value)
  return response
}
