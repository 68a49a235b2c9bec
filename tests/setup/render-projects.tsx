import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import { getIdToken } from '@/lib/auth'
import { apiSettings } from '@/lib/api-client'
import { LanguageSwitcher } from '@/components/language-switcher'
import { LanguageProvider } from '@/lib/i18n'
import { createUser, server, signIn } from './local-aws'
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
  // Fault tests answer every attempt with the fault: keep the read retries quick.
  apiSettings.retryBaseMs = 1
  apiSettings.timeoutMs = 300
}

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
  // jsdom lays nothing out: give the list's scroller a height so the virtualiser shows rows.
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
