import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../../tests/setup/render-app'

describe('the header account menu', () => {
  it('offers sign-in to a signed-out visitor, except on the sign-in page itself', async () => {
    const { user } = renderApp({ route: '/sign-up' })
    await screen.findByRole('heading', { name: 'Create an account' })
    const header = screen.getByRole('banner')
    await user.click(await within(header).findByRole('link', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(within(header).queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument()
  })

  it('shows the signed-in email, linking to the account page', async () => {
    const { signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email } = (await signedInUser)!
    const header = await screen.findByRole('banner')
    const link = await within(header).findByRole('link', { name: new RegExp(email) })
    expect(link).toHaveAccessibleName(expect.stringMatching(/^Account:/))
    expect(link).toHaveAttribute('href', '/account')
  })
})
