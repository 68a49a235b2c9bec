/**
 * The pool domain's HTTP endpoints, under the emulator's base path as Amplify
 * calls them on `https://${domain}`: /oauth2/authorize, /login, the providers'
 * stand-in pages, /oauth2/token, /oauth2/userInfo, /logout and /error.
 */
import { sha256Hex } from './bytes.ts'
import type { CognitoContext } from './context.ts'
import type { PoolRecord, UserRecord } from './data.ts'
import { CognitoError } from './errors.ts'
import { federatedSignIn, recentEmails } from './federation.ts'
import {
  checkAuthorize,
  redirect,
  redirectWithCode,
  redirectWithParams,
  type AuthorizeRequest,
} from './oauth-authorize.ts'
import { errorPage, loginPage, standInPage } from './oauth-pages.ts'
import { handleToken, handleUserInfo, oauthPreflight, withOAuthCors } from './oauth-token.ts'
import { checkPassword } from './passwords.ts'
import { findUser, isEmail } from './users.ts'

const COOKIE = 'local-aws-login'
/** How long the managed-login session lets a new authorize skip the form, as Cognito's. */
const SESSION_MS = 60 * 60 * 1000
const PROVIDER_PAGE = /^\/provider\/([^/]+)$/

async function cookieSession(request: Request, pool: PoolRecord, now: number) {
  const cookie = request.headers.get('cookie') ?? ''
  const value = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(cookie)?.[1]
  const id = value ? await sha256Hex(value) : undefined
  const session = id ? pool.loginSessions?.[id] : undefined
  if (!id || !session || session.expiresAt <= now) return undefined
  const user = pool.users[session.username]
  return user?.enabled ? { id, user, authTime: session.authTime } : undefined
}

function cookiePath(ctx: CognitoContext) {
  return new URL(ctx.issuerBase).pathname.replace(/\/$/, '') || '/'
}

/** Starts the managed-login session; its cookie goes with the redirect. */
async function startSession(ctx: CognitoContext, pool: PoolRecord, user: UserRecord) {
  const now = ctx.now()
  const sessions = (pool.loginSessions ??= {})
  for (const [key, s] of Object.entries(sessions)) if (s.expiresAt <= now) delete sessions[key]
  const id = crypto.randomUUID()
  const authTime = Math.floor(now / 1000)
  // Kept as its hash: the state file holds no usable session cookie.
  sessions[await sha256Hex(id)] = { username: user.username, authTime, expiresAt: now + SESSION_MS }
  const cookie = `${COOKIE}=${id}; Path=${cookiePath(ctx)}; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MS / 1000}`
  return { authTime, headers: { 'set-cookie': cookie } }
}

const formOf = async (request: Request) => new URLSearchParams(await request.text())

async function authorize(request: Request, ctx: CognitoContext, url: URL) {
  const checked = checkAuthorize(ctx, ctx.issuerBase, url.searchParams)
  if (!checked.ok) return checked.response
  const { request: auth } = checked
  const query = auth.params.toString()
  if (auth.identityProvider && auth.identityProvider !== 'COGNITO') {
    return redirect(
      `${ctx.issuerBase}/provider/${encodeURIComponent(auth.identityProvider)}?${query}`,
    )
  }
  const session = auth.forceLogin ? undefined : await cookieSession(request, auth.pool, ctx.now())
  if (session) return redirectWithCode(ctx, auth, session.user, session.authTime)
  return redirect(`${ctx.issuerBase}/login?${query}`)
}

const otherProviders = (auth: AuthorizeRequest) =>
  (auth.client.oauth?.supportedIdentityProviders ?? []).filter((name) => name !== 'COGNITO')

async function login(request: Request, ctx: CognitoContext, url: URL) {
  const post = request.method === 'POST'
  const given = post ? await formOf(request) : url.searchParams
  const checked = checkAuthorize(ctx, ctx.issuerBase, given)
  if (!checked.ok) return checked.response
  const { request: auth } = checked
  if (!post) {
    const session = auth.forceLogin ? undefined : await cookieSession(request, auth.pool, ctx.now())
    if (session) return redirectWithCode(ctx, auth, session.user, session.authTime)
    return loginPage(ctx.issuerBase, auth, otherProviders(auth))
  }
  const refuse = (message: string) => loginPage(ctx.issuerBase, auth, otherProviders(auth), message)
  if (!auth.client.oauth?.supportedIdentityProviders.includes('COGNITO')) {
    return refuse('This app signs in with its identity providers only.')
  }
  const user = findUser(auth.pool, given.get('username'))
  if (!user) return refuse('Incorrect username or password.')
  try {
    await checkPassword(user, auth.pool.id, given.get('password'), ctx.now())
  } catch (error) {
    if (error instanceof CognitoError) return refuse(error.message)
    throw error
  }
  if (!user.enabled) return refuse('User is disabled.')
  if (user.status !== 'CONFIRMED') return refuse('User is not confirmed.')
  if ((user.mfa?.enabled.length ?? 0) > 0 || auth.pool.mfa?.mode === 'ON') {
    return refuse('MFA at the managed login is not emulated: sign in through the app instead.')
  }
  const { authTime, headers } = await startSession(ctx, auth.pool, user)
  return redirectWithCode(ctx, auth, user, authTime, headers)
}

async function providerPage(request: Request, ctx: CognitoContext, url: URL, name: string) {
  const post = request.method === 'POST'
  const given = new URLSearchParams(post ? await formOf(request) : url.searchParams)
  given.set('identity_provider', name)
  const checked = checkAuthorize(ctx, ctx.issuerBase, given)
  if (!checked.ok) return checked.response
  const { request: auth } = checked
  const provider = auth.pool.identityProviders?.[name]
  if (!provider) {
    return redirectWithParams(auth.redirectUri, { error: 'unauthorized_client', state: auth.state })
  }
  if (!post) return standInPage(ctx.issuerBase, name, auth, recentEmails(auth.pool, name))
  if (given.get('action') === 'cancel') {
    // Cognito relays the provider's own error code: Apple's is user_cancelled_authorize.
    const error = provider.type === 'SignInWithApple' ? 'user_cancelled_authorize' : 'access_denied'
    ctx.log(`provider ${name}: the user cancelled (${error})`)
    return redirectWithParams(auth.redirectUri, { error, state: auth.state })
  }
  const email = (given.get('recent') || given.get('email') || '').trim()
  if (!isEmail(email)) return standInPage(ctx.issuerBase, name, auth, recentEmails(auth.pool, name))
  const user = await federatedSignIn(ctx, auth.pool, provider, email)
  if (!user.enabled) {
    return redirectWithParams(auth.redirectUri, {
      error: 'invalid_request',
      error_description: 'User is disabled.',
      state: auth.state,
    })
  }
  user.updatedAt = ctx.now()
  const { authTime, headers } = await startSession(ctx, auth.pool, user)
  return redirectWithCode(ctx, auth, user, authTime, headers)
}

/** Ends the managed-login session, then goes to logout_uri, which must be one of LogoutURLs. */
async function logout(request: Request, ctx: CognitoContext, url: URL) {
  const clientId = url.searchParams.get('client_id') ?? ''
  const pool = Object.values(ctx.data.pools).find((p) => p.clients[clientId])
  const client = pool?.clients[clientId]
  const logoutUri = url.searchParams.get('logout_uri')
  const error = (code: string) =>
    redirect(`${ctx.issuerBase}/error?${new URLSearchParams({ error: code, client_id: clientId })}`)
  if (!pool || !client) return error('invalid_request')
  if (!logoutUri) {
    // The other form: sign out, then sign in again (redirect_uri and response_type).
    if (!url.searchParams.get('redirect_uri')) return error('invalid_request')
  } else if (!client.oauth?.logoutUrls.includes(logoutUri)) {
    ctx.log(`logout ${clientId}: logout_uri not in the client's LogoutURLs`)
    return error('redirect_mismatch')
  }
  const session = await cookieSession(request, pool, ctx.now())
  if (session) delete pool.loginSessions?.[session.id]
  ctx.log(`logout ${clientId}: managed-login session ended`)
  const cleared = `${COOKIE}=; Path=${cookiePath(ctx)}; HttpOnly; SameSite=Lax; Max-Age=0`
  const location = logoutUri ?? `${ctx.issuerBase}/login?${url.searchParams}`
  return redirect(location, { 'set-cookie': cleared })
}

/** The answer for a domain endpoint, or null when `rest` is none of them. */
export async function handleOAuth(
  request: Request,
  rest: string,
  ctx: CognitoContext,
): Promise<Response | null> {
  const url = new URL(request.url)
  const method = request.method.toUpperCase()
  if (rest === '/oauth2/token' || rest === '/oauth2/userInfo') {
    if (method === 'OPTIONS') return oauthPreflight(request)
    if (rest === '/oauth2/token' && method === 'POST') {
      return withOAuthCors(request, await handleToken(request, ctx))
    }
    if (rest === '/oauth2/userInfo' && (method === 'GET' || method === 'POST')) {
      return withOAuthCors(request, await handleUserInfo(request, ctx))
    }
    return null
  }
  if (rest === '/oauth2/authorize' && method === 'GET') return authorize(request, ctx, url)
  if (rest === '/login' && (method === 'GET' || method === 'POST')) return login(request, ctx, url)
  if (rest === '/logout' && method === 'GET') return logout(request, ctx, url)
  if (rest === '/error' && method === 'GET') return errorPage(url)
  const provider = PROVIDER_PAGE.exec(rest)
  if (provider && (method === 'GET' || method === 'POST')) {
    return providerPage(request, ctx, url, decodeURIComponent(provider[1] ?? ''))
  }
  return null
}
