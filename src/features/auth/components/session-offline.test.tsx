import { act, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { COGNITO_ENDPOINT, resetLocalAws, server } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

/** The app client's id and access tokens live an hour; its refresh token 30 days. */
const ID_AND_ACCESS = 3600

// One clock for the emulator and for Amplify; only Date is faked, so the UI's timers run.
let now = Date.UTC(2030, 0, 15, 9, 0, 0)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
  resetLocalAws({ now: () => now })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('a token refresh while Cognito cannot be reached', () => {
  it('keeps the user signed in, says the service could not be reached, and the retry works once the network is back', async () => {
    const { router, user } = renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })

    // The tokens expire while the network is down: the refresh can't reach Cognito.
    now += (ID_AND_ACCESS + 1) * 1000
    vi.setSystemTime(now)
    server.use(http.post(COGNITO_ENDPOINT, () => HttpResponse.error()))
    await act(() => router.navigate('/projects'))

    expect(
      await screen.findByText(/could not be reached/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/projects')

    // The network is back: the same session refreshes and the list loads.
    server.resetHandlers()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByText(
        'There are no projects yet. Create the first one with the form above.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument()
  }, 30_000)

  it('keeps the user signed in when Cognito throttles the refresh', async () => {
    const { router, user } = renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })

    now += (ID_AND_ACCESS + 1) * 1000
    vi.setSystemTime(now)
    server.use(
      http.post(COGNITO_ENDPOINT, () =>
        HttpResponse.json(
          { __type: 'TooManyRequestsException', message: 'Rate exceeded' },
          { status: 400, headers: { 'x-amzn-errortype': 'TooManyRequestsException' } },
        ),
      ),
    )
    await act(() => router.navigate('/projects'))

    expect(
      await screen.findByText(/could not be reached/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument()

    server.resetHandlers()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByText(
        'There are no projects yet. Create the first one with the form above.',
      ),
    ).toBeInTheDocument()
  }, 30_000)
})
