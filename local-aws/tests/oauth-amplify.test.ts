// @vitest-environment jsdom
// Amplify's real client against the emulator's managed login, as an app on
// http://localhost:3000 uses it: msw answers https://localhost:3000/local-aws
// as the dev server's TLS on its own port does.
import { Amplify } from 'aws-amplify'
import { fetchAuthSession, signInWithRedirect, signOut } from 'aws-amplify/auth'
import { Hub } from 'aws-amplify/utils'
import { afterEach, expect, it, vi } from 'vitest'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_USER_POOL_ID,
  LOCAL_AWS_BASE_PATH,
  OAUTH_CALLBACK_PATH,
  OAUTH_SIGN_OUT_PATH,
} from '../src/defaults.ts'
import { PROJECTS_URL } from './api-helpers.ts'
import { COGNITO_ENDPOINT, LOCAL_ORIGIN } from './emulator.ts'
import { authorizeParams, hiddenFields, pkce } from './oauth-helpers.ts'

/** What the app gives Amplify as the pool's domain: its own host and port, then the emulator's path. */
const DOMAIN = `${new URL(LOCAL_ORIGIN).host}${LOCAL_AWS_BASE_PATH}`
const CALLBACK = LOCAL_ORIGIN + OAUTH_CALLBACK_PATH
const SIGNED_OUT = LOCAL_ORIGIN + OAUTH_SIGN_OUT_PATH

afterEach(() => vi.unstubAllGlobals())

/**
 * A page load: the app configures Amplify, which finishes a sign-in in flight.
 * The listener doing that comes with signInWithRedirect's module; a callback
 * page that doesn't load it imports 'aws-amplify/auth/enable-oauth-listener'.
 */
function loadPage(url: string) {
  window.history.replaceState(null, '', url)
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: DEFAULT_USER_POOL_ID,
        userPoolClientId: DEFAULT_CLIENT_ID,
        userPoolEndpoint: COGNITO_ENDPOINT,
        loginWith: {
          oauth: {
            domain: DOMAIN,
            scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
            redirectSignIn: [CALLBACK],
            redirectSignOut: [SIGNED_OUT],
            responseType: 'code',
            providers: ['Google'],
          },
        },
      },
    },
  })
}

/**
 * Where Amplify sends the page (`window.location.href = url`), kept instead of
 * followed: jsdom doesn't load other documents. Everything else reads the real
 * location, which `history` moves.
 */
function recordNavigations() {
  const navigations: string[] = []
  const real = window.location
  const location = new Proxy(real, {
    // The real object as receiver: jsdom's getters refuse any other.
    get: (target, key) => Reflect.get(target, key, target),
    set: (target, key, value) => {
      if (key !== 'href') return Reflect.set(target, key, value, target)
      navigations.push(String(value))
      return true
    },
  })
  vi.stubGlobal('location', location)
  return navigations
}

/** The browser at the emulator's pages: manual redirects, and its one cookie kept as a browser would. */
function browser() {
  let cookie = ''
  return async function visit(url: string | undefined, form?: Record<string, string>) {
    if (!url) throw new Error('no URL to visit')
    const response = await fetch(url, {
      redirect: 'manual',
      ...(form
        ? {
            method: 'POST',
            body: new URLSearchParams(form),
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          }
        : { headers: { cookie } }),
    })
    const set = response.headers.get('set-cookie')
    if (set) cookie = /Max-Age=0/.test(set) ? '' : (set.split(';')[0] ?? '')
    return response
  }
}

const locationOf = (response: Response) => response.headers.get('location') ?? ''

/** Resolves with the outcome of the sign-in Amplify finishes on the callback page. */
const redirectOutcome = () =>
  new Promise<string>((resolve) => {
    const stop = Hub.listen('auth', ({ payload }) => {
      if (payload.event.startsWith('signInWithRedirect')) {
        stop()
        resolve(payload.event)
      }
    })
  })

it('signs in with Google through the emulator, refreshes, and signs out of the managed login too', async () => {
  const navigations = recordNavigations()
  const visit = browser()
  loadPage(SIGNED_OUT)

  await signInWithRedirect({ provider: 'Google' })
  const authorize = navigations.at(-1)
  expect(authorize).toMatch(`https://${DOMAIN}/oauth2/authorize?`)
  const toProvider = locationOf(await visit(authorize))
  const standIn = await visit(toProvider)
  expect(await standIn.clone().text()).toContain('<title>Google (local emulator)</title>')
  const back = locationOf(
    await visit(toProvider.split('?')[0], {
      ...(await hiddenFields(standIn)),
      email: 'ada@example.com',
      action: 'continue',
    }),
  )
  expect(back).toMatch(`${CALLBACK}?code=`)

  const outcome = redirectOutcome()
  loadPage(back)
  expect(await outcome).toBe('signInWithRedirect')
  // Amplify takes the code and state off the address bar once it has the tokens.
  expect(window.location.href).toBe(CALLBACK)
  const { tokens } = await fetchAuthSession()
  const claims = tokens?.idToken?.payload
  expect(claims).toMatchObject({
    iss: `${COGNITO_ENDPOINT}/${DEFAULT_USER_POOL_ID}`,
    'cognito:username': expect.stringMatching(/^Google_/),
    email: 'ada@example.com',
    identities: [expect.objectContaining({ providerName: 'Google' })],
  })
  const projects = await fetch(PROJECTS_URL, {
    headers: { Authorization: String(tokens?.idToken) },
  })
  expect(projects.status).toBe(200)

  const refreshed = await fetchAuthSession({ forceRefresh: true })
  expect(String(refreshed.tokens?.idToken)).not.toBe(String(tokens?.idToken))
  expect(refreshed.tokens?.idToken?.payload['cognito:username']).toBe(claims?.['cognito:username'])

  // Within the managed-login session, the hosted sign-in would let the user straight back in.
  const { challenge } = await pkce()
  const withinSession = authorizeParams(challenge, { identity_provider: 'COGNITO' })
  expect(locationOf(await visit(`https://${DOMAIN}/oauth2/authorize?${withinSession}`))).toMatch(
    `${CALLBACK}?code=`,
  )

  await signOut()
  expect(navigations.at(-1)).toBe(
    `https://${DOMAIN}/logout?client_id=${DEFAULT_CLIENT_ID}&logout_uri=${encodeURIComponent(SIGNED_OUT)}`,
  )
  expect(locationOf(await visit(navigations.at(-1)))).toBe(SIGNED_OUT)

  loadPage(SIGNED_OUT)
  await signInWithRedirect()
  const toLogin = new URL(locationOf(await visit(navigations.at(-1))))
  expect(toLogin.pathname).toBe(`${LOCAL_AWS_BASE_PATH}/login`)
  expect(await (await visit(toLogin.href)).text()).toContain('name="password"')
})
