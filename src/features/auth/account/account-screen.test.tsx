import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../../../../tests/setup/auth'
import { signIn as cognitoSignIn } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

describe('account page', () => {
  it('shows the signed-in email and changes the password', async () => {
    const { user, signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email } = (await signedInUser)!
    const main = within(await screen.findByRole('main'))
    expect(await main.findByText(email)).toBeVisible()

    await user.type(main.getByLabelText('Current password'), 'Not-The-Password1')
    await user.type(main.getByLabelText('New password'), 'Brand-New-Pass9')
    await user.click(main.getByRole('button', { name: 'Change password' }))
    expect(await main.findByText('Your current password is wrong. Type it again.')).toBeVisible()
    // The focus moves in an effect after the message is drawn: a busy machine can show the gap.
    await waitFor(() => expect(main.getByLabelText('Current password')).toHaveFocus())

    await user.clear(main.getByLabelText('Current password'))
    await user.type(main.getByLabelText('Current password'), TEST_PASSWORD)
    await user.click(main.getByRole('button', { name: 'Change password' }))
    expect(await main.findByText(/Your password is changed/)).toBeVisible()
    await expect(cognitoSignIn(email, 'Brand-New-Pass9')).resolves.toHaveProperty('IdToken')
  })

  it('deletes the account only after a second confirmation', async () => {
    const { user, signedInUser, router } = renderApp({ route: '/account', signedIn: true })
    const { email } = (await signedInUser)!
    await user.click(await screen.findByRole('button', { name: 'Delete account…' }))
    expect(screen.getByText(`Delete the account ${email} for good?`)).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('button', { name: 'Delete account…' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Delete account…' }))
    await user.click(screen.getByRole('button', { name: 'Yes, delete my account' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Your account is deleted.'),
    )
    expect(router.state.location.search).toBe('')
    await expect(cognitoSignIn(email, TEST_PASSWORD)).rejects.toThrow()
  })

  it('signs out of this browser from the header', async () => {
    const { user, router } = renderApp({ route: '/account', signedIn: true })
    const header = within(await screen.findByRole('banner'))
    await user.click(await header.findByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('You are signed out.'))
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(Object.keys(localStorage).filter((key) => key.endsWith('.refreshToken'))).toEqual([])
  })

  it('signs out everywhere: the refresh token stops working', async () => {
    const { user } = renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('heading', { name: 'Your account' })
    const refreshKey = Object.keys(localStorage).find((key) => key.endsWith('.refreshToken'))
    const refreshToken = localStorage.getItem(refreshKey ?? '')
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    const { cognito } = await import('../../../../tests/setup/local-aws')
    const { DEFAULT_CLIENT_ID } = await import('local-aws/defaults')
    await expect(
      cognito('GetTokensFromRefreshToken', {
        ClientId: DEFAULT_CLIENT_ID,
        RefreshToken: refreshToken,
      }),
    ).rejects.toThrow(/NotAuthorizedException/)
  })
})
