import { act, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID } from 'local-aws/defaults'
import { cognito, COGNITO_ENDPOINT, server } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'
import { checkSession, getIdToken, reportSessionExpired } from '@/lib/auth'

const storedRefreshToken = () => {
  const key = Object.keys(localStorage).find((name) => name.endsWith('.refreshToken'))
  return { key: key ?? '', value: localStorage.getItem(key ?? '') ?? '' }
}

describe('the session', () => {
  it('survives a reload: a new page load with the stored tokens is still signed in', async () => {
    const first = renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    first.unmount()

    const { router } = renderApp({ route: '/account' })
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
  })

  it('hands the API a fresh IdToken, refreshed silently on demand', async () => {
    renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    const before = await getIdToken()
    const after = await getIdToken({ forceRefresh: true })
    expect(before).toMatch(/^ey/)
    expect(after).toMatch(/^ey/)
    expect(after).not.toBe(before)
    expect(screen.getByRole('heading', { name: 'Your account' })).toBeInTheDocument()
  })

  it('after a revoked refresh token, lands on sign-in saying why, and returns to the page', async () => {
    const { router, user, signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email, password } = (await signedInUser)!
    await screen.findByRole('heading', { name: 'Your account' })
    await cognito('RevokeToken', { ClientId: DEFAULT_CLIENT_ID, Token: storedRefreshToken().value })

    await act(async () => {
      expect(await getIdToken({ forceRefresh: true })).toBeUndefined()
    })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/signed out of every device/),
    )
    expect(router.state.location.search).toBe('?next=%2Faccount')

    await user.type(screen.getByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Password'), password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
  })

  it('stays signed in when a refresh fails because the network is down', async () => {
    renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    server.use(http.post(COGNITO_ENDPOINT, () => HttpResponse.error()))
    await act(async () => {
      // Not "no token": the caller reports a network failure, the session stands.
      await expect(getIdToken({ forceRefresh: true })).rejects.toThrow()
    })
    expect(screen.getByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(storedRefreshToken().value).not.toBe('')
  })

  it('ends when the API reports it expired, keeping the page to come back to', async () => {
    const { router } = renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    act(() => reportSessionExpired('api-unauthorized'))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/no longer accepts your session/),
    )
    expect(router.state.location.search).toBe('?next=%2Faccount')
    await waitFor(() => expect(storedRefreshToken().key).toBe(''))
  })

  it('stays ended when a check of the session begun before it ended answers after', async () => {
    renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    await act(async () => {
      // Amplify reads the tokens that the sign-out is about to clear.
      const check = checkSession()
      reportSessionExpired('api-unauthorized')
      await check
    })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/no longer accepts your session/),
    )
  })

  it('ends in this tab when another tab signs out', async () => {
    renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    const { key, value } = storedRefreshToken()
    // The page's effects have run (it watches storage from one): another tab acts later than that.
    await act(async () => {})
    // What the browser does here when another tab removes the tokens.
    act(() => {
      localStorage.removeItem(key)
      window.dispatchEvent(
        new StorageEvent('storage', {
          key,
          oldValue: value,
          newValue: null,
          storageArea: localStorage,
        }),
      )
    })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('You signed out in another tab.'),
    )
  })
})
