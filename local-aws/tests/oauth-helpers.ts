/**
 * Plain-HTTP steps of a managed-login sign-in, as a browser and an app's
 * OAuth client take them, against the test emulator's `handle`.
 */
import { expect } from 'vitest'
import { DEFAULT_CLIENT_ID } from '../src/defaults.ts'
import { COGNITO_ENDPOINT, localAws } from './emulator.ts'

export const BASE = COGNITO_ENDPOINT
export const CALLBACK = 'http://localhost:3000/oauth/callback'
export const SIGNED_OUT = 'http://localhost:3000/sign-in'
export const PASSWORD = 'Correct-horse-1'

const base64Url = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url')

export async function pkce() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)))
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return { verifier, challenge: base64Url(digest) }
}

export async function send(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await localAws().handle(new Request(url, init))
  if (!response) throw new Error(`the emulator did not answer ${url}`)
  return response
}

export function authorizeParams(challenge: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    response_type: 'code',
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: CALLBACK,
    state: 'the-state',
    scope: 'openid email profile aws.cognito.signin.user.admin',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  })
}

export const location = (response: Response) => {
  expect(response.status).toBe(302)
  return new URL(response.headers.get('location') ?? '')
}

export const cookieOf = (response: Response) =>
  (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''

/** Posts a form, as the browser posts the managed-login pages' forms. */
export const postForm = (url: string, form: Record<string, string>, headers = {}) =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  })

/** The hidden fields of a page's form: what the browser would post back. */
export async function hiddenFields(page: Response): Promise<Record<string, string>> {
  const html = await page.text()
  const fields: Record<string, string> = {}
  for (const [, name = '', value = ''] of html.matchAll(
    /<input type="hidden" name="([^"]*)" value="([^"]*)">/g,
  )) {
    fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"')
  }
  return fields
}

/** /oauth2/authorize → /login → the form posted: the redirect back to the app, and the session cookie. */
export async function signInAtLogin(params: URLSearchParams, email: string, password = PASSWORD) {
  const toLogin = location(await send(`${BASE}/oauth2/authorize?${params}`))
  expect(toLogin.pathname).toBe('/local-aws/login')
  const page = await send(toLogin.href)
  expect(page.status).toBe(200)
  const answer = await postForm(`${BASE}/login`, {
    ...(await hiddenFields(page)),
    username: email,
    password,
  })
  return { back: location(answer), cookie: cookieOf(answer) }
}

/** /oauth2/authorize with identity_provider → the stand-in page → Continue (or Cancel). */
export async function signInWithProvider(
  params: URLSearchParams,
  provider: string,
  email: string,
  action: 'continue' | 'cancel' = 'continue',
) {
  params.set('identity_provider', provider)
  const toProvider = location(await send(`${BASE}/oauth2/authorize?${params}`))
  const page = await send(toProvider.href)
  expect(page.status).toBe(200)
  const html = await page.clone().text()
  const answer = await postForm(toProvider.origin + toProvider.pathname, {
    ...(await hiddenFields(page)),
    email,
    action,
  })
  return { back: location(answer), cookie: cookieOf(answer), html }
}

export async function redeem(code: string, verifier: string | undefined, extra = {}) {
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    client_id: DEFAULT_CLIENT_ID,
    code,
    redirect_uri: CALLBACK,
    ...(verifier === undefined ? {} : { code_verifier: verifier }),
    ...extra,
  }
  const response = await postForm(`${BASE}/oauth2/token`, form, {
    origin: 'http://localhost:3000',
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

export const claimsOf = (jwt: unknown) =>
  JSON.parse(Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >
