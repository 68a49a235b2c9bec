import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createVerifiedUser, TEST_PASSWORD, testEmail } from '../../../../tests/setup/auth'
import { createUser, latestCode } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

type User = ReturnType<typeof renderApp>['user']

async function askForCode(user: User, email: string) {
  await user.type(await screen.findByLabelText('Email'), email)
  await user.click(screen.getByRole('button', { name: 'Send code' }))
  expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toHaveFocus()
}

describe('forgotten password', () => {
  it('sends a code, sets the new password, and the new password signs in', async () => {
    const email = testEmail()
    await createVerifiedUser({ email })
    const { user, router } = renderApp({ route: '/sign-in?next=%2Faccount' })
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }))
    await screen.findByRole('heading', { name: 'Reset your password' })
    await askForCode(user, email)

    await user.type(screen.getByLabelText('Code from the e-mail'), latestCode(email))
    await user.type(screen.getByLabelText('New password'), 'Brand-New-Pass9')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toHaveFocus()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Your password is changed.'),
    )
    expect(screen.getByLabelText('Email')).toHaveValue(email)
    await user.type(screen.getByLabelText('Password'), 'Brand-New-Pass9')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
  })

  it('answers an unknown email exactly like a known one', async () => {
    const { user } = renderApp({ route: '/forgot-password' })
    const email = testEmail('nobody')
    await askForCode(user, email)
    expect(
      screen.getByText(`If ${email} has an account, a code is on its way there.`, { exact: false }),
    )
  })

  it('refuses a wrong code next to the code field and a weak password next to the password', async () => {
    const email = testEmail()
    await createVerifiedUser({ email })
    const { user } = renderApp({ route: '/forgot-password' })
    await askForCode(user, email)

    await user.type(screen.getByLabelText('Code from the e-mail'), '999999')
    await user.type(screen.getByLabelText('New password'), 'Brand-New-Pass9')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText(/That code is wrong/)).toBeVisible()
    expect(screen.getByLabelText('Code from the e-mail')).toHaveFocus()

    await user.clear(screen.getByLabelText('Code from the e-mail'))
    await user.type(screen.getByLabelText('Code from the e-mail'), latestCode(email))
    await user.clear(screen.getByLabelText('New password'))
    await user.type(screen.getByLabelText('New password'), 'short1!')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('The password needs at least 8 characters.')).toBeVisible()
    expect(screen.getByLabelText('New password')).toHaveFocus()
  })

  it('says why the password of a never-confirmed account can’t be reset', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD })
    const { user } = renderApp({ route: '/forgot-password' })
    await user.type(await screen.findByLabelText('Email'), email)
    await user.click(screen.getByRole('button', { name: 'Send code' }))
    expect(
      await screen.findByText(/can’t be reset because its email was never confirmed/),
    ).toBeVisible()
  })
})
