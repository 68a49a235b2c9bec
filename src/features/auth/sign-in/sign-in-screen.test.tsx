import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createUser, latestCode } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'
import { TEST_PASSWORD, testEmail } from '../../../../tests/setup/auth'

async function fillSignIn(
  user: ReturnType<typeof renderApp>['user'],
  email: string,
  password: string,
) {
  await user.type(await screen.findByLabelText('Email'), email)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in', () => {
  it('sends a signed-out visitor of a protected page to sign-in, then back to that page', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD })
    const { user, router } = renderApp({ route: '/account' })
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toHaveFocus()
    expect(router.state.location.search).toBe('?next=%2Faccount')

    await fillSignIn(user, email, TEST_PASSWORD)
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
    expect(screen.getAllByText(email).length).toBeGreaterThan(0)
  })

  it('says the email or password is wrong, next to the password, without saying which', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD })
    const { user } = renderApp({ route: '/sign-in' })
    await fillSignIn(user, email, 'Wrong-Password-1')
    const password = screen.getByLabelText('Password')
    expect(await screen.findByText(/The email or password is wrong/)).toBeInTheDocument()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveFocus()
    expect(password).toHaveAccessibleDescription(/The email or password is wrong/)
    const wrongPasswordMessage = screen.getByText(/The email or password is wrong/).textContent

    await user.clear(screen.getByLabelText('Email'))
    await user.clear(password)
    await fillSignIn(user, testEmail('nobody'), TEST_PASSWORD)
    expect(await screen.findByText(/The email or password is wrong/)).toHaveTextContent(
      wrongPasswordMessage ?? '',
    )
  })

  it('takes an unconfirmed user to confirmation with a fresh code, then signs them in', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD, confirmed: false })
    const firstCode = latestCode(email)
    const { user, router } = renderApp({ route: '/sign-in?next=%2Faccount' })
    await fillSignIn(user, email, TEST_PASSWORD)

    expect(await screen.findByRole('heading', { name: 'Confirm your email' })).toHaveFocus()
    expect(screen.getByText(/isn’t confirmed yet. We sent a new code/)).toBeInTheDocument()
    const code = latestCode(email)
    expect(code).not.toBe(firstCode)
    await user.type(screen.getByLabelText('Confirmation code'), code)
    await user.click(screen.getByRole('button', { name: 'Confirm' }))
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
  })

  it('sends a signed-in user who opens sign-in on to the app', async () => {
    const { router } = renderApp({ route: '/sign-in', signedIn: true })
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
    expect(screen.queryByRole('heading', { name: 'Sign in' })).not.toBeInTheDocument()
  })

  it('asks for the missing fields before sending anything', async () => {
    const { user } = renderApp({ route: '/sign-in' })
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText('Email')).toHaveFocus()
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/Enter your email address/)
  })
})
