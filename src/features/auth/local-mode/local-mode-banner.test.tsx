import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { testEmail } from '../../../../tests/setup/auth'
import { latestCode } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

describe('local mode', () => {
  it('says the app runs on the emulator and lists the codes it e-mailed', async () => {
    const { user } = renderApp({ route: '/sign-up' })
    const banner = await screen.findByRole('complementary', { name: 'E-mailed codes' })
    expect(banner).toHaveTextContent('runs against a local emulator')

    const email = testEmail()
    await user.type(await screen.findByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Choose a password'), 'Sunny-Day-42')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    await screen.findByRole('heading', { name: 'Confirm your email' })

    await user.click(within(banner).getByText('E-mailed codes'))
    const inbox = await within(banner).findByRole('region', {
      name: 'Codes and passwords the emulator “sent”',
    })
    expect(await within(inbox).findByText(`${email} (sign-up)`)).toBeVisible()
    expect(within(inbox).getByText(latestCode(email))).toBeVisible()
  })

  it('switches the auth screens to Japanese from the header and remembers it', async () => {
    const { user, unmount } = renderApp({ route: '/sign-in' })
    await screen.findByRole('heading', { name: 'Sign in' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語')
    expect(await screen.findByRole('heading', { name: 'サインイン' })).toBeVisible()
    expect(screen.getByLabelText('パスワード')).toBeVisible()
    unmount()
    renderApp({ route: '/sign-up' })
    expect(await screen.findByRole('heading', { name: 'アカウントを作成' })).toBeVisible()
  })
})
