import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { spaceOutAutoSignIns, TEST_PASSWORD, testEmail } from '../../../../tests/setup/auth'
import { createUser, latestCode, resetLocalAws } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

type User = ReturnType<typeof renderApp>['user']

async function signUp(user: User, email: string, password: string) {
  await user.type(await screen.findByLabelText('Email'), email)
  await user.type(screen.getByLabelText('Choose a password'), password)
  await user.click(screen.getByRole('button', { name: 'Create account' }))
}

describe('sign-up', () => {
  spaceOutAutoSignIns()

  it('creates the account, confirms the code and lands signed in without retyping the password', async () => {
    const email = testEmail()
    const { user, router } = renderApp({ route: '/sign-up?next=%2Faccount' })
    await signUp(user, email, TEST_PASSWORD)

    expect(await screen.findByRole('heading', { name: 'Confirm your email' })).toHaveFocus()
    expect(screen.getByText(`We sent a code to ${email}. Type it here to confirm your account.`))
    const code = screen.getByLabelText('Confirmation code')
    expect(code).toHaveAttribute('autocomplete', 'one-time-code')
    await user.type(code, latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Confirm' }))

    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
  })

  it('shows the password rules before typing and ticks them off while typing', async () => {
    const { user } = renderApp({ route: '/sign-up' })
    const password = await screen.findByLabelText('Choose a password')
    expect(password).toHaveAttribute('autocomplete', 'new-password')
    expect(password).toHaveAccessibleDescription(/at least 8 characters\s*\(not yet\)/)
    await user.type(password, 'abcdefgh')
    expect(password).toHaveAccessibleDescription(/at least 8 characters\s*\(done\)/)
    expect(password).toHaveAccessibleDescription(/upper-case letter \(A–Z\)\s*\(not yet\)/)

    // ui-react's show-password control: a switch button, not a checkbox.
    const toggle = screen.getByRole('switch', { name: 'Show password' })
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    await user.click(toggle)
    expect(password).toHaveAttribute('type', 'text')
    expect(toggle).toHaveAttribute('aria-checked', 'true')
  })

  it('names the rule Cognito says the password breaks, next to the password', async () => {
    const { user } = renderApp({ route: '/sign-up' })
    await signUp(user, testEmail(), 'lowercase-only-1')
    const password = screen.getByLabelText('Choose a password')
    expect(await screen.findByText('The password needs an upper-case letter (A–Z).')).toBeVisible()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveFocus()
  })

  it('says an account already exists, next to the email, with a way to sign in', async () => {
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD })
    const { user } = renderApp({ route: '/sign-up' })
    await signUp(user, email, TEST_PASSWORD)
    expect(await screen.findByText(/An account with this email already exists/)).toBeVisible()
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in',
    )
  })

  it('asks for a well-formed email before sending anything', async () => {
    const { user } = renderApp({ route: '/sign-up' })
    await signUp(user, 'not-an-email', TEST_PASSWORD)
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      /Enter an email address like name@example.com/,
    )
  })

  it('sends a new code on request; an old or wrong code is refused next to the code field', async () => {
    const email = testEmail()
    const { user } = renderApp({ route: '/sign-up' })
    await signUp(user, email, TEST_PASSWORD)
    await screen.findByRole('heading', { name: 'Confirm your email' })
    const first = latestCode(email)

    await user.click(screen.getByRole('button', { name: 'Send a new code' }))
    expect(await screen.findByText(/A new code is on its way to/)).toBeVisible()
    expect(latestCode(email)).not.toBe(first)

    await user.type(screen.getByLabelText('Confirmation code'), '000000')
    await user.click(screen.getByRole('button', { name: 'Confirm' }))
    const code = screen.getByLabelText('Confirmation code')
    expect(await screen.findByText(/That code is wrong/)).toBeVisible()
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(code).toHaveFocus()
  })

  it('says an expired code has expired and to ask for a new one', async () => {
    let now = Date.now()
    resetLocalAws({ now: () => now })
    const email = testEmail()
    const { user } = renderApp({ route: '/sign-up' })
    await signUp(user, email, TEST_PASSWORD)
    await screen.findByRole('heading', { name: 'Confirm your email' })
    now += 25 * 60 * 60 * 1000
    await user.type(screen.getByLabelText('Confirmation code'), latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Confirm' }))
    expect(await screen.findByText(/That code has expired. Ask for a new code/)).toBeVisible()
  })

  it('works in Japanese, with Cognito’s errors translated', async () => {
    localStorage.setItem('language', 'ja')
    const email = testEmail()
    await createUser({ email, password: TEST_PASSWORD })
    const { user } = renderApp({ route: '/sign-up' })
    const form = await screen.findByRole('region', { name: 'アカウントを作成' })
    await user.type(within(form).getByLabelText('メールアドレス'), email)
    await user.type(within(form).getByLabelText('パスワードを決める'), TEST_PASSWORD)
    await user.click(within(form).getByRole('button', { name: 'アカウントを作成' }))
    expect(await screen.findByText(/このメールアドレスのアカウントはすでにあります/)).toBeVisible()
  })
})
