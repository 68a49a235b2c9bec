import { act, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { cognito, COGNITO_ENDPOINT, resetLocalAws, server } from '../../../../tests/setup/local-aws'
import { createVerifiedUser, testEmail } from '../../../../tests/setup/auth'
import { restoreSettings, withSettings } from '../../../../tests/setup/settings'

/** Lifetimes of the app client below, in seconds. */
const ID_AND_ACCESS = 300
const REFRESH = 900

// One clock for the emulator and for Amplify (which checks expiry against Date.now()).
// Only Date is faked: timers, and so the UI and user-event, run as usual.
let now = Date.UTC(2030, 0, 15, 9, 0, 0)
function advance(seconds: number) {
  now += seconds * 1000
  vi.setSystemTime(now)
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
  resetLocalAws({ now: () => now })
})

afterEach(async () => {
  vi.useRealTimers()
  await restoreSettings()
})

/** The app built for an app client whose tokens live minutes, not hours. */
async function appWithShortLivedClient() {
  return withSettings({ VITE_USER_POOL_CLIENT_ID: await shortLivedClient() })
}

async function shortLivedClient(): Promise<string> {
  const { UserPoolClient } = await cognito<{ UserPoolClient: { ClientId: string } }>(
    'CreateUserPoolClient',
    {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ClientName: 'short-lived',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      IdTokenValidity: ID_AND_ACCESS,
      AccessTokenValidity: ID_AND_ACCESS,
      RefreshTokenValidity: REFRESH,
      TokenValidityUnits: { IdToken: 'seconds', AccessToken: 'seconds', RefreshToken: 'seconds' },
    },
  )
  return UserPoolClient.ClientId
}

describe('a session whose refresh token expires', () => {
  it('refreshes silently while only the id and access tokens have expired', async () => {
    const { renderApp, getIdToken } = await appWithShortLivedClient()
    renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    const before = await getIdToken()

    advance(ID_AND_ACCESS + 1)
    let after: string | undefined
    await act(async () => {
      // What the API client asks for before each call: no force, Amplify sees the expiry.
      after = await getIdToken()
    })
    expect(after).toMatch(/^ey/)
    expect(after).not.toBe(before)
    expect(screen.getByRole('heading', { name: 'Your account' })).toBeInTheDocument()
  })

  it('after it expires, lands on sign-in saying the session expired, and returns to the page', async () => {
    const { renderApp, getIdToken } = await appWithShortLivedClient()
    const { router, user, signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email, password } = (await signedInUser)!
    await screen.findByRole('heading', { name: 'Your account' })
    expect(await getIdToken()).toMatch(/^ey/)

    // Past the id and access tokens' lifetime, and the refresh token's too.
    advance(REFRESH + 1)
    await act(async () => {
      expect(await getIdToken()).toBeUndefined()
    })

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Your session expired. Sign in again to go back to the page you were on.',
      ),
    )
    expect(screen.getByRole('status')).not.toHaveTextContent(/signed out of every device/)
    expect(router.state.location.search).toBe('?next=%2Faccount')

    await user.type(screen.getByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Password'), password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
    expect(await getIdToken()).toMatch(/^ey/)
  })
})

describe('a page load while Cognito is out of reach', () => {
  it.each([
    ['/account', 'Your account'],
    ['/projects', 'Projects'],
  ])(
    'on %s with a refresh due, says so and keeps the session; a retry opens the page',
    async (route, heading) => {
      const { renderApp } = await appWithShortLivedClient()
      const first = renderApp({ route, signedIn: true })
      await screen.findByRole('heading', { name: heading, level: 1 })
      first.unmount()

      advance(ID_AND_ACCESS + 1)
      server.use(http.post(COGNITO_ENDPOINT, () => HttpResponse.error()))
      const { user, router } = renderApp({ route })
      expect(
        await screen.findByRole('heading', { name: 'Can’t reach the sign-in service' }),
      ).toBeInTheDocument()
      expect(screen.getByRole('status')).toHaveTextContent('You are still signed in')
      expect(screen.queryByLabelText('Password')).not.toBeInTheDocument()
      expect(router.state.location.pathname).toBe(route)

      server.resetHandlers()
      await user.click(screen.getByRole('button', { name: 'Try again' }))
      expect(await screen.findByRole('heading', { name: heading, level: 1 })).toBeInTheDocument()
      expect(router.state.location.pathname).toBe(route)
    },
  )
})

describe('an account an administrator disables', () => {
  it('ends the session at the next refresh, says why, and refuses a new sign-in', async () => {
    const { renderApp, getIdToken } = await appWithShortLivedClient()
    const { user, signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email, password } = (await signedInUser)!
    await screen.findByRole('heading', { name: 'Your account' })
    await cognito('AdminDisableUser', { UserPoolId: DEFAULT_USER_POOL_ID, Username: email })

    advance(ID_AND_ACCESS + 1)
    await act(async () => {
      expect(await getIdToken()).toBeUndefined()
    })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Your account was disabled. Ask your administrator to enable it again.',
      ),
    )

    await user.type(screen.getByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Password'), password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Your account was disabled')
  })
})

describe('two users, one after the other, in one tab', () => {
  it('leaves nothing of the first in the cache when the second signs in', async () => {
    const { renderApp } = await appWithShortLivedClient()
    const { user, queryClient, signedInUser } = renderApp({ route: '/account', signedIn: true })
    const first = (await signedInUser)!
    await screen.findByRole('heading', { name: 'Your account' })
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).not.toHaveLength(0))

    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)

    const second = await createVerifiedUser({ email: testEmail('second') })
    expect(second.email).not.toBe(first.email)
    await user.type(screen.getByLabelText('Email'), second.email)
    await user.type(screen.getByLabelText('Password'), second.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText(second.email)).toBeInTheDocument()
    expect(screen.queryByText(first.email)).not.toBeInTheDocument()
  })
})
