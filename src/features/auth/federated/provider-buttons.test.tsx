import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as RedirectSignIn from '@/lib/redirect-sign-in-start'

const startRedirectSignIn = vi.fn<typeof RedirectSignIn.startRedirectSignIn>()
vi.mock('@/lib/redirect-sign-in-start', () => ({ startRedirectSignIn }))

/** The buttons of a pool with a domain and these providers (read on first use, so set before). */
async function renderButtons(language: 'en' | 'ja', next: string | null = null) {
  vi.stubEnv('VITE_OAUTH_DOMAIN', 'auth.example.com')
  vi.stubEnv('VITE_OAUTH_PROVIDERS', 'Google,SignInWithApple,AcmeCorp')
  // Fresh modules for each test (the settings are read once), the language's included.
  const [{ ProviderButtons }, { LanguageProvider }] = await Promise.all([
    import('./provider-buttons'),
    import('@/lib/i18n'),
  ])
  render(
    <LanguageProvider initial={language}>
      <ProviderButtons next={next} />
    </LanguageProvider>,
  )
}

beforeEach(() => {
  vi.resetModules()
  startRedirectSignIn.mockReset()
})

describe('the providers’ buttons', () => {
  it('offers each provider, by its brand or the pool’s name, in both languages', async () => {
    await renderButtons('en')
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Continue with Google',
      'Continue with Apple',
      'Continue with AcmeCorp',
    ])
    screen.getByText('or')
  })

  it('reads Japanese', async () => {
    await renderButtons('ja')
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Google で続行',
      'Apple で続行',
      'AcmeCorp で続行',
    ])
  })

  it('leaves for the provider pressed, with the page to come back to; only once while it leaves', async () => {
    startRedirectSignIn.mockReturnValue(new Promise(() => {}))
    await renderButtons('en', '/account?tab=devices')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Continue with AcmeCorp' }))
    await user.click(screen.getByRole('button', { name: 'Continue with Google' }))
    expect(startRedirectSignIn).toHaveBeenCalledTimes(1)
    expect(startRedirectSignIn).toHaveBeenCalledWith(
      { name: 'AcmeCorp', kind: 'custom' },
      '/account?tab=devices',
    )
    expect(screen.getByRole('button', { name: 'Continue with AcmeCorp' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  })

  it('never sends the user off-site afterwards, whatever `next` says', async () => {
    startRedirectSignIn.mockReturnValue(new Promise(() => {}))
    await renderButtons('en', '//evil.example/phish')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue with Google' }))
    expect(startRedirectSignIn).toHaveBeenCalledWith(
      { name: 'Google', kind: 'Google' },
      '/projects',
    )
  })

  it('says so when the sign-in page can’t be opened, and can be pressed again', async () => {
    startRedirectSignIn.mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module'),
    )
    await renderButtons('en')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Continue with Google' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sign-in page could not be opened. Check your connection and try again.',
    )
    startRedirectSignIn.mockReturnValue(new Promise(() => {}))
    await user.click(screen.getByRole('button', { name: 'Continue with Google' }))
    expect(startRedirectSignIn).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
