import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { env } from '@/config/env'
import { getIdToken } from '@/lib/auth'
import { server } from '../../tests/setup/local-aws'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

const URL = 'http://localhost:3000/local-aws/dev_1/projects'
const PREFIX = `CognitoIdentityServiceProvider.${env().userPoolClientId}`

/** An IdToken as Amplify stores it (the signature is not checked here), expiring in `seconds`. */
function idToken(seconds: number, name = 'a') {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '')
  const exp = Math.floor(Date.now() / 1000) + seconds
  return `${part({ alg: 'RS256' })}.${part({ exp, name })}.signature`
}

function storeSession(token: string) {
  localStorage.setItem(`${PREFIX}.LastAuthUser`, 'user-1')
  localStorage.setItem(`${PREFIX}.user-1.idToken`, token)
  localStorage.setItem(`${PREFIX}.user-1.accessToken`, token)
}

/** Every GET of the list the API receives, with its Authorization header. */
function recordGets(answer: () => Response = () => HttpResponse.json([{ 'project-id': 'p1' }])) {
  const seen: (string | null)[] = []
  server.use(
    http.get(URL, ({ request }) => {
      seen.push(request.headers.get('authorization'))
      return answer()
    }),
  )
  return seen
}

/** Both modules fresh: the early request is module state, as in a page load. */
async function load() {
  vi.resetModules()
  const early = await import('./early-list-request')
  const client = await import('./api-client')
  return { ...early, ...client }
}

describe('the early GET of the list', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => localStorage.clear())

  it('goes out before the app asks, and the app adopts it: one GET, its answer', async () => {
    const token = idToken(3600)
    storeSession(token)
    vi.mocked(getIdToken).mockResolvedValue(token)
    const seen = recordGets()
    const { startEarlyProjectsRequest, apiRequest } = await load()

    startEarlyProjectsRequest()
    await vi.waitFor(() => expect(seen).toEqual([token]))
    await expect(apiRequest({ method: 'GET', path: '/projects' })).resolves.toEqual([
      { 'project-id': 'p1' },
    ])
    expect(seen).toEqual([token])
  })

  it('is not made with a token that has a minute or less left: the app asks (and Amplify refreshes)', async () => {
    storeSession(idToken(50))
    vi.mocked(getIdToken).mockResolvedValue('refreshed')
    const seen = recordGets()
    const { startEarlyProjectsRequest, apiRequest } = await load()

    startEarlyProjectsRequest()
    await apiRequest({ method: 'GET', path: '/projects' })
    expect(seen).toEqual(['refreshed'])
  })

  it("is not made offline (a page the service worker opened): the app's own GET waits for the network", async () => {
    storeSession(idToken(3600))
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const fetches = vi.spyOn(globalThis, 'fetch')
    const { startEarlyProjectsRequest } = await load()
    startEarlyProjectsRequest()
    expect(fetches).not.toHaveBeenCalled()
  })

  it('is not made without a stored session, nor with an unreadable token', async () => {
    const { startEarlyProjectsRequest } = await load()
    // A request would be started by the call itself: nothing to wait for.
    const fetches = vi.spyOn(globalThis, 'fetch')
    startEarlyProjectsRequest()
    storeSession('not-a-jwt')
    startEarlyProjectsRequest()
    expect(fetches).not.toHaveBeenCalled()
  })

  it('is not made when the app has already sent its own (the early module arrived last), nor taken by a later GET', async () => {
    const token = idToken(3600)
    storeSession(token)
    vi.mocked(getIdToken).mockResolvedValue(token)
    let name = 'at load'
    const seen = recordGets(() => HttpResponse.json([{ 'project-id': 'p1', name }]))
    const { startEarlyProjectsRequest, apiRequest } = await load()

    await apiRequest({ method: 'GET', path: '/projects' })
    const fetches = vi.spyOn(globalThis, 'fetch')
    startEarlyProjectsRequest()
    expect(fetches).not.toHaveBeenCalled()
    expect(seen).toHaveLength(1)
    // A refresh later on gets the list as it is then.
    name = 'a minute later'
    await expect(apiRequest({ method: 'GET', path: '/projects' })).resolves.toEqual([
      { 'project-id': 'p1', name: 'a minute later' },
    ])
    expect(seen).toHaveLength(2)
  })

  it('is aborted unread when the app asks with another token', async () => {
    storeSession(idToken(3600, 'old'))
    const newer = idToken(3600, 'new')
    vi.mocked(getIdToken).mockResolvedValue(newer)
    let aborted = false
    server.use(
      http.get(URL, async ({ request }) => {
        if (request.headers.get('authorization') === newer) {
          return HttpResponse.json([{ 'project-id': 'new' }])
        }
        // Held until the client gives up on it.
        await new Promise<void>((resolve) =>
          request.signal.addEventListener('abort', () => resolve()),
        )
        aborted = true
        return HttpResponse.json([{ 'project-id': 'old' }])
      }),
    )
    const { startEarlyProjectsRequest, apiRequest } = await load()

    startEarlyProjectsRequest()
    await expect(apiRequest({ method: 'GET', path: '/projects' })).resolves.toEqual([
      { 'project-id': 'new' },
    ])
    await vi.waitFor(() => expect(aborted).toBe(true))
  })

  it('answered 401 (a revoked token), is followed by one refresh and retry, as any GET', async () => {
    const token = idToken(3600)
    storeSession(token)
    vi.mocked(getIdToken).mockImplementation(async ({ forceRefresh } = {}) =>
      forceRefresh ? 'fresh' : token,
    )
    let calls = 0
    const seen = recordGets(() =>
      calls++ === 0
        ? HttpResponse.json({ message: 'Unauthorized' }, { status: 401 })
        : HttpResponse.json([]),
    )
    const { startEarlyProjectsRequest, apiRequest } = await load()

    startEarlyProjectsRequest()
    await expect(apiRequest({ method: 'GET', path: '/projects' })).resolves.toEqual([])
    expect(seen).toEqual([token, 'fresh'])
  })
})
