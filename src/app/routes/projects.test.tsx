import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { seedProjects, server } from '../../../tests/setup/local-aws'
import { renderApp } from '../../../tests/setup/render-app'

const PROJECTS_URL = 'http://localhost:3000/local-aws/dev_1/projects'
const unauthorized = () => HttpResponse.json({ message: 'Unauthorized' }, { status: 401 })

/** The API requests the app sends, with the token each one carried. */
function watchApi() {
  const tokens: (string | null)[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.url === PROJECTS_URL) tokens.push(request.headers.get('authorization'))
  })
  return tokens
}

describe('/projects, signed in for real', () => {
  beforeEach(() => {
    // jsdom lays nothing out: give the virtualised list a height so it shows rows.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(640)
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(64)
  })

  it('lists the projects with one request carrying the IdToken raw', async () => {
    await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
    const tokens = watchApi()
    renderApp({ route: '/projects', signedIn: true })
    expect(await screen.findByText('Typing')).toBeInTheDocument()
    expect(tokens).toHaveLength(1)
    expect(tokens[0]).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('refreshes the token once when the API refuses it, and carries on', async () => {
    await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
    server.use(http.get(PROJECTS_URL, unauthorized, { once: true }))
    const tokens = watchApi()
    renderApp({ route: '/projects', signedIn: true })
    expect(await screen.findByText('Typing')).toBeInTheDocument()
    expect(tokens).toHaveLength(2)
    expect(tokens[1]).toMatch(/^eyJ/)
    expect(tokens[1]).not.toBe(tokens[0]) // a freshly issued IdToken, not the refused one again
  })

  it('sends the user to sign in, keeping their place, when the API keeps refusing', async () => {
    server.use(http.get(PROJECTS_URL, unauthorized))
    const tokens = watchApi()
    const { router } = renderApp({ route: '/projects', signedIn: true })
    expect(await screen.findByText(/The server no longer accepts your session/)).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(router.state.location.search).toContain('projects')
    expect(tokens).toHaveLength(2)
  })

  it('rewords the last change notice when the user switches language', async () => {
    await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
    const { user } = renderApp({ route: '/projects', signedIn: true })
    await screen.findByText('Typing')
    await user.click(screen.getByRole('button', { name: 'Delete “Typing”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByText('Deleted “Typing”.')).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語')
    expect(await screen.findByText('「Typing」を削除しました。')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '元に戻す' })).toBeInTheDocument()
  })

  it('coming back to the list mid-write, with the list old, starts no GET until the write is answered', async () => {
    await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
    let releasePut!: () => void
    const putHeld = new Promise<void>((resolve) => (releasePut = resolve))
    server.use(
      http.put(
        PROJECTS_URL,
        async () => {
          await putHeld
          return HttpResponse.json([{ 'project-id': 200, name: 'Yoga', 'is-default': false }])
        },
        { once: true },
      ),
    )
    const methods: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.url === PROJECTS_URL) methods.push(request.method)
    })
    const { user, router } = renderApp({ route: '/projects', signedIn: true })
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    await waitFor(() => expect(methods).toEqual(['GET', 'PUT']))

    // A minute later (the list long stale), the user goes elsewhere and comes back.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    vi.setSystemTime(Date.now() + 60_000)
    await router.navigate('/nowhere')
    await router.navigate('/projects')
    expect(await screen.findByText('Yoga')).toBeInTheDocument()

    releasePut()
    expect(await screen.findByText('Renamed to “Yoga”.')).toBeInTheDocument()
    // The write's answer is the list: nothing read it meanwhile, and nothing needs to now.
    expect(methods).toEqual(['GET', 'PUT'])
    vi.useRealTimers()
  })
})
