import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, vi } from 'vitest'
import { getIdToken } from '@/lib/auth'
import { LanguageSwitcher } from '@/components/language-switcher'
import { LanguageProvider } from '@/lib/i18n'
import { HttpResponse } from 'msw'
import { createUser, projects, seedProjects, server, signIn } from './local-aws'
import type { ProjectItem } from 'local-aws'
import { ProjectsPage } from '@/features/projects/components/projects-page'

export const PROJECTS_URL = 'http://localhost:3000/local-aws/dev_1/projects'

/**
 * Signs a real user in on the emulator and hands its IdToken to the API client
 * (the test file mocks `@/lib/auth`), so requests pass the real authorizer.
 */
export async function signInForApi() {
  const email = `user-${crypto.randomUUID()}@example.com`
  const password = 'Correct-horse-1'
  await createUser({ email, password })
  const { IdToken } = await signIn(email, password)
  vi.mocked(getIdToken).mockResolvedValue(IdToken)
}

/**
 * The usual start of a test that changes projects: signed in (as above), with
 * `stored` in the table, by default the one project "Typing" (id 200).
 */
export async function signInWithProjects(
  stored: ProjectItem[] = [{ 'project-id': 200, name: 'Typing', 'is-default': false }],
) {
  await signInForApi()
  await seedProjects(stored)
}

/** The page's list of projects. */
export const projectList = () => screen.getByRole('list', { name: 'Projects' })

/** The names the API has stored, in the table's order. */
export const storedNames = () => projects().map((p) => p.name)

/** The API's answer when its function fails. */
export const fail502 = () =>
  HttpResponse.json({ message: 'Internal server error' }, { status: 502 })

/** Every request the page sends to the API, with its parsed body. */
export function recordApiRequests() {
  const requests: { method: string; body: unknown }[] = []
  server.events.removeAllListeners('request:start')
  server.events.on('request:start', ({ request }) => {
    if (!request.url.startsWith(PROJECTS_URL)) return
    const entry = { method: request.method, body: undefined as unknown }
    requests.push(entry)
    void request
      .clone()
      .text()
      .then((text) => (entry.body = text ? (JSON.parse(text) as unknown) : undefined))
  })
  return requests
}

/**
 * The projects page alone, with the header's language switcher, a fresh
 * QueryClient and the emulator behind msw.
 */
export function renderProjectsPage() {
  // jsdom lays nothing out: give the list's scroller a height so the virtualiser (long lists) shows rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(640)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(64)
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  })
  const user = userEvent.setup()
  const result = render(
    <LanguageProvider>
      <QueryClientProvider client={queryClient}>
        <LanguageSwitcher />
        <ProjectsPage />
      </QueryClientProvider>
    </LanguageProvider>,
  )
  return { ...result, user, queryClient }
}

/**
 * The one alert that has something to say. The page's notice regions are
 * always rendered (empty until used, so screen readers announce them), so a
 * bare `findByRole('alert')` would find an empty one.
 */
export function findAlert(timeout?: number): Promise<HTMLElement> {
  return waitFor(
    () => {
      const said = screen.getAllByRole('alert').filter((el) => el.textContent?.trim())
      if (said.length !== 1) throw new Error(`expected one alert with text, found ${said.length}`)
      return said[0]!
    },
    { timeout },
  )
}

/** A request handler that answers only when the test says so: for writes that overlap. */
export function heldAnswer(answer: () => Response | Promise<Response>) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  return {
    handler: async () => {
      await released
      return answer()
    },
    release,
  }
}

/**
 * Fakes setTimeout alone, so the API client's 15-second limit and the read
 * retries' back-off (1 s, then 2 s) pass when the test moves the clock; short
 * waits, rendering and everything else still run in real time.
 */
export function fakeSetTimeout() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
}

/**
 * Counts the page's API requests as they arrive and as they are answered, and
 * lets a load that keeps failing run its course on the fake clock: the first
 * attempt and two retries, each given the time limit when it `hangs`, then the
 * back-off before the next. Call before rendering.
 */
export function watchLoadAttempts() {
  let arrived = 0
  let answered = 0
  const isApi = ({ request }: { request: Request }) => request.url.startsWith(PROJECTS_URL)
  server.events.on('request:start', (event) => void (isApi(event) && (arrived += 1)))
  server.events.on('request:end', (event) => void (isApi(event) && (answered += 1)))
  return {
    async sitOut({ hangs = false } = {}) {
      for (const [attempt, backoff] of [1_000, 2_000, 0].entries()) {
        await waitFor(() => expect(hangs ? arrived : answered).toBeGreaterThan(attempt))
        if (hangs) await vi.advanceTimersByTimeAsync(15_000)
        await vi.advanceTimersByTimeAsync(backoff)
      }
    },
  }
}
