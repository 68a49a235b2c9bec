import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { seedProjects, server } from '../../../../tests/setup/local-aws'
import {
  fakeSetTimeout,
  findAlert,
  PROJECTS_URL,
  recordApiRequests,
  renderProjectsPage,
  signInForApi,
  watchLoadAttempts,
} from '../../../../tests/setup/render-projects'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

describe('when the API misbehaves', () => {
  beforeEach(signInForApi)
  afterEach(() => vi.useRealTimers())

  it.each([
    [
      'a 502',
      () => HttpResponse.json({ message: 'Internal server error' }, { status: 502 }),
      /had a problem\. Try again in a moment/,
    ],
    [
      'an HTML page',
      () => HttpResponse.html('<html><body>Bad gateway</body></html>'),
      /an answer this app cannot read/,
    ],
    [
      'an empty body',
      () => new HttpResponse(null, { status: 200 }),
      /an answer this app cannot read/,
    ],
    [
      'something other than a list',
      () => HttpResponse.json({ message: 'hi' }),
      /an answer this app cannot read/,
    ],
    ['no answer', () => HttpResponse.error(), /could not be reached\. Check your connection/],
    ['no answer in time', async () => delay('infinite'), /took too long to answer/],
  ])('says what to do when loading gets %s', async (what, answer, message) => {
    fakeSetTimeout()
    server.use(http.get(PROJECTS_URL, answer))
    const attempts = watchLoadAttempts()
    renderProjectsPage()
    // A 5xx, no answer and no answer in time are retried twice; an unreadable answer isn't.
    if (['a 502', 'no answer', 'no answer in time'].includes(what)) {
      await attempts.sitOut({ hangs: what === 'no answer in time' })
    }
    const alert = await findAlert(3000)
    expect(alert).toHaveTextContent('The projects could not be loaded.')
    expect(alert).toHaveTextContent(message)
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  it('says so when offline, and loads once back online and asked to try again', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    server.use(http.get(PROJECTS_URL, () => HttpResponse.error(), { once: true }))
    server.use(http.get(PROJECTS_URL, () => HttpResponse.error(), { once: true }))
    server.use(http.get(PROJECTS_URL, () => HttpResponse.error(), { once: true }))
    await seedProjects([{ 'project-id': 1, name: 'Yoga', 'is-default': false }])
    fakeSetTimeout()
    const attempts = watchLoadAttempts()
    const { user } = renderProjectsPage()
    await attempts.sitOut()
    expect(await findAlert()).toHaveTextContent('You are offline.')
    onLine.mockReturnValue(true)
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Yoga')).toBeInTheDocument()
  })

  it('retries a failed load with backoff and shows the list when it passes', async () => {
    const requests = recordApiRequests()
    server.use(
      http.get(PROJECTS_URL, () => new HttpResponse(null, { status: 503 }), { once: true }),
    )
    await seedProjects([{ 'project-id': 1, name: 'Yoga', 'is-default': false }])
    fakeSetTimeout()
    renderProjectsPage()
    await waitFor(() => expect(requests).toHaveLength(1))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await screen.findByText('Yoga')).toBeInTheDocument()
    expect(requests.map((r) => r.method)).toEqual(['GET', 'GET'])
  })

  it('keeps the loaded list when a later refresh fails, and says so', async () => {
    await seedProjects([{ 'project-id': 1, name: 'Yoga', 'is-default': false }])
    const { queryClient } = renderProjectsPage()
    expect(await screen.findByText('Yoga')).toBeInTheDocument()
    server.use(http.get(PROJECTS_URL, () => new HttpResponse(null, { status: 403 })))
    await queryClient.refetchQueries()
    expect(await findAlert()).toHaveTextContent(
      'The list could not be refreshed; it is shown as last loaded.',
    )
    expect(screen.getByText('Yoga')).toBeInTheDocument()
  })

  it('does not retry a load the API refused', async () => {
    const requests = recordApiRequests()
    server.use(http.get(PROJECTS_URL, () => new HttpResponse(null, { status: 403 })))
    renderProjectsPage()
    expect(await findAlert()).toHaveTextContent('refused the request')
    expect(requests).toHaveLength(1)
  })

  it('shows the readable projects and says how many entries had no usable id', async () => {
    server.use(
      http.get(PROJECTS_URL, () =>
        HttpResponse.json([
          { 'project-id': 'abc', name: 'Broken' },
          { 'project-id': null, name: 'Null' },
          { 'project-id': '0.2e3', name: 'Typing', 'is-default': 'true' },
        ]),
      ),
    )
    renderProjectsPage()
    expect(await screen.findByText('1 project')).toBeInTheDocument()
    expect(screen.getByText('id 200')).toBeInTheDocument()
    expect(screen.getByText('Default')).toBeInTheDocument()
    expect(screen.queryByText('Broken')).not.toBeInTheDocument()
    expect(
      screen.getByText('2 entries from the service had no usable id and are not shown.'),
    ).toBeInTheDocument()
  })
})

describe('hostile names', () => {
  beforeEach(signInForApi)

  // That markup and script in a name run nothing is checked in a real browser
  // (tests/e2e/projects-hostile.spec.ts): jsdom never loads images or runs inserted scripts.

  it('keeps emoji, right-to-left and 10,000-character names intact, each in its own direction', async () => {
    const long = 'x'.repeat(10_000)
    await seedProjects([
      { 'project-id': 1, name: '🧘‍♀️ Yoga 🎉', 'is-default': false },
      { 'project-id': 2, name: 'مشروع اليوغا', 'is-default': false },
      { 'project-id': 3, name: long, 'is-default': false },
    ])
    const { user } = renderProjectsPage()
    expect(await screen.findByText('🧘‍♀️ Yoga 🎉')).toHaveAttribute('dir', 'auto')
    expect(screen.getByText('مشروع اليوغا')).toHaveAttribute('dir', 'auto')
    expect(screen.getByText(long)).toHaveClass('project-name')
    // Labels and messages quote a short form, not 10,000 characters.
    const rename = screen.getByRole('button', { name: `Rename “${'x'.repeat(60)}…”` })
    await user.click(rename)
    expect(screen.getByRole('textbox', { name: /^New name for/ })).toHaveValue(long)
  })
})
