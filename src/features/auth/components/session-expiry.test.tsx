import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { cognito, resetLocalAws } from '../../../../tests/setup/local-aws'
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
    expect(screen.getByRole('status')).not.toHaveTextContent(/session was ended/)
    expect(router.state.location.search).toBe('?next=%2Faccount')

    await user.type(screen.getByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Password'), password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
    expect(await getIdToken()).toMatch(/^ey/)
  })
})
