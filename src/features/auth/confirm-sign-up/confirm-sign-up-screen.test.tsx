import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD, testEmail } from '../../../../tests/setup/auth'
import { createUser, latestCode } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

describe('confirming an account later (after a reload, or from another device)', () => {
  it('asks for the email too, then sends the user to sign in with it filled in', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD, confirmed: false })
    const { user, router } = renderApp({ route: '/sign-up/confirm?next=%2Faccount' })
    await user.type(await screen.findByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Confirmation code'), latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Confirm' }))

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toHaveFocus()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Your account is confirmed.'),
    )
    expect(screen.getByLabelText('Email')).toHaveValue(email)
    expect(router.state.location.search).toBe('?next=%2Faccount')
  })

  it('says an already confirmed account should just sign in', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD })
    const { user } = renderApp({ route: '/sign-up/confirm' })
    await user.type(await screen.findByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Confirmation code'), '123456')
    await user.click(screen.getByRole('button', { name: 'Confirm' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This account is already confirmed. Sign in.',
    )
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toBeVisible()
  })

  it('says why "Send a new code" can’t work without an email, where focus lands', async () => {
    const { user } = renderApp({ route: '/sign-up/confirm' })
    await user.click(await screen.findByRole('button', { name: 'Send a new code' }))
    expect(document.activeElement).toHaveTextContent('Enter your email address.')
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your email address.')

    await user.type(screen.getByLabelText('Email'), 'not-an-address')
    await user.click(screen.getByRole('button', { name: 'Send a new code' }))
    expect(document.activeElement).toHaveTextContent(
      'Enter an email address like name@example.com.',
    )
  })
})
