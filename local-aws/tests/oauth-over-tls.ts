/**
 * A managed-login sign-in against a real server, as a browser on the app's
 * plain-http page and Amplify take it: Amplify's calls to the OAuth domain over
 * https on the server's own port (its certificate accepted, as after the
 * browser's warning), the pages the emulator sends the browser to as they come.
 */
import { request } from 'node:https'
import { expect } from 'vitest'
import { DEFAULT_CLIENT_ID } from '../src/defaults.ts'
import { authorizeParams, CALLBACK, hiddenFields, pkce } from './oauth-helpers.ts'

export interface TlsAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request over TLS that accepts the self-signed certificate. */
export function overTls(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<TlsAnswer> {
  const { protocol } = new URL(url)
  if (protocol !== 'https:') throw new Error(`overTls needs an https:// URL, not ${url}`)
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers, rejectUnauthorized: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      )
    })
    sent.on('error', reject)
    sent.end(body)
  })
}

const tlsTwin = (httpUrl: string) => httpUrl.replace(/^http:/, 'https:')

/**
 * "Continue with Google" with `email`, for an emulator at `base`
 * (`http://host:port` plus its base path): the tokens /oauth2/token answers
 * over TLS, and the CORS origin it allows the page's fetch.
 */
export async function signInOverTls(base: string, email: string) {
  const pageOrigin = new URL(base).origin
  const { verifier, challenge } = await pkce()
  const params = authorizeParams(challenge, { identity_provider: 'Google' })
  const authorize = await overTls(`${tlsTwin(base)}/oauth2/authorize?${params}`)
  expect(authorize.status).toBe(302)
  const toProvider = new URL(String(authorize.headers.location))
  const page = await fetch(toProvider)
  expect(page.status).toBe(200)
  const posted = await fetch(toProvider.origin + toProvider.pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...(await hiddenFields(page)), email, action: 'continue' }),
    redirect: 'manual',
  })
  const back = new URL(posted.headers.get('location') ?? '')
  expect(back.origin + back.pathname).toBe(CALLBACK)
  const token = await overTls(`${tlsTwin(base)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: pageOrigin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: DEFAULT_CLIENT_ID,
      code: back.searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    }).toString(),
  })
  expect(token.status).toBe(200)
  return {
    tokens: JSON.parse(token.body) as { id_token: string; refresh_token: string },
    allowedOrigin: token.headers['access-control-allow-origin'],
    pageOrigin,
  }
}

/** A refresh as Amplify makes it, over plain http to the Cognito endpoint: the new IdToken. */
export async function refreshOverHttp(base: string, refreshToken: string) {
  const response = await fetch(base, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  })
  expect(response.status).toBe(200)
  const { AuthenticationResult } = (await response.json()) as {
    AuthenticationResult: { IdToken: string }
  }
  return AuthenticationResult.IdToken
}
