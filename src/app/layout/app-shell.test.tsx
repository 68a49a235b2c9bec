import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../tests/setup/render-app'

describe('app shell', () => {
  it('shows a not-found page with a way back for an unknown address', async () => {
    renderApp({ route: '/no/such/page' })
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to your projects' })).toHaveAttribute(
      'href',
      '/projects',
    )
  })

  it('switches to Japanese and remembers the choice', async () => {
    const { user, unmount } = renderApp({ route: '/no/such/page' })
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), '日本語')
    expect(
      await screen.findByRole('heading', { name: 'ページが見つかりません' }),
    ).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('ja')
    unmount()

    renderApp({ route: '/no/such/page' })
    expect(
      await screen.findByRole('heading', { name: 'ページが見つかりません' }),
    ).toBeInTheDocument()
  })

  it('offers a skip link to the main content for keyboard users', async () => {
    const { user } = renderApp({ route: '/no/such/page' })
    await screen.findByRole('heading', { name: 'Page not found' })
    await user.tab()
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus()
  })
})
