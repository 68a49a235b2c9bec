import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getIdToken, reportSessionExpired } from '@/lib/auth'
import { server } from '../../tests/setup/local-aws'
import { ApiError, apiRequest, readRetryDelay, shouldRetryRead } from './api-client'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

const URL = 'http://localhost:3000/local-aws/dev_1/projects'

function recordAuthHeaders(answers: (() => Response)[]) {
  const seen: (string | null)[] = []
  server.use(
    http.all(URL, ({ request }) => {
      seen.push(request.headers.get('authorization'))
      return answers[seen.length - 1]?.() ?? HttpResponse.json([])
    }),
  )
  return seen
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('apiRequest', () => {
  beforeEach(() => {
    vi.mocked(getIdToken).mockImplementation(async ({ forceRefresh } = {}) =>
      forceRefresh ? 'fresh-token' : 'old-token',
    )
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends the IdToken raw and the body as JSON, and returns the parsed answer', async () => {
    let body: unknown
    let contentType: string | null = null
    const seen = recordAuthHeaders([])
    server.use(
      http.post(URL, async ({ request }) => {
        seen.push(request.headers.get('authorization'))
        contentType = request.headers.get('content-type')
        body = await request.json()
        return HttpResponse.json([{ 'project-id': '1' }])
      }),
    )
    const answer = await apiRequest({
      method: 'POST',
      path: '/projects',
      body: { 'project-id': 1 },
    })
    expect(answer).toEqual([{ 'project-id': '1' }])
    expect(seen).toEqual(['old-token'])
    expect(contentType).toBe('application/json')
    expect(body).toEqual({ 'project-id': 1 })
  })

  it('refreshes the token once after a 401 and retries once', async () => {
    const seen = recordAuthHeaders([
      () => HttpResponse.json({ message: 'The incoming token has expired' }, { status: 401 }),
    ])
    await expect(apiRequest({ method: 'GET', path: '/projects' })).resolves.toEqual([])
    expect(seen).toEqual(['old-token', 'fresh-token'])
    expect(reportSessionExpired).not.toHaveBeenCalled()
  })

  it('ends the session after a second 401', async () => {
    const unauthorized = () => HttpResponse.json({ message: 'Unauthorized' }, { status: 401 })
    const seen = recordAuthHeaders([unauthorized, unauthorized, unauthorized])
    const error = await failure(apiRequest({ method: 'GET', path: '/projects' }))
    expect(error.kind).toBe('unauthorized')
    expect(seen).toHaveLength(2)
    expect(reportSessionExpired).toHaveBeenCalledWith('api-unauthorized')
  })

  it('sends nothing and ends the session when there is no token', async () => {
    vi.mocked(getIdToken).mockResolvedValue(undefined)
    const seen = recordAuthHeaders([])
    expect((await failure(apiRequest({ method: 'GET', path: '/projects' }))).kind).toBe(
      'unauthorized',
    )
    expect(seen).toEqual([])
    expect(reportSessionExpired).toHaveBeenCalledWith('expired')
  })

  it.each([
    [
      'a 502',
      () => HttpResponse.json({ message: 'Internal server error' }, { status: 502 }),
      'server',
    ],
    ['a 403', () => HttpResponse.json({ message: 'Forbidden' }, { status: 403 }), 'client'],
    ['an HTML page', () => HttpResponse.html('<html><body>Oops</body></html>'), 'bad-response'],
    ['an empty body', () => new HttpResponse(null, { status: 200 }), 'bad-response'],
    ['broken JSON', () => HttpResponse.text('[{"project-id": 1,'), 'bad-response'],
    ['no answer', () => HttpResponse.error(), 'network'],
  ])('turns %s into a %s error, without retrying', async (_, answer, kind) => {
    const seen = recordAuthHeaders([answer, answer])
    const error = await failure(apiRequest({ method: 'PUT', path: '/projects', body: {} }))
    expect(error.kind).toBe(kind)
    expect(seen).toHaveLength(1)
  })

  it('says offline when the browser has no connection', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    recordAuthHeaders([() => HttpResponse.error()])
    expect((await failure(apiRequest({ method: 'GET', path: '/projects' }))).kind).toBe('offline')
  })

  it('gives up after the time limit of 15 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let arrived!: () => void
    const hanging = new Promise<void>((resolve) => (arrived = resolve))
    server.use(
      http.get(URL, async () => {
        arrived()
        return delay('infinite')
      }),
    )
    const outcome = failure(apiRequest({ method: 'GET', path: '/projects' }))
    await hanging
    await vi.advanceTimersByTimeAsync(14_900)
    let settled = false
    void outcome.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    expect((await outcome).kind).toBe('timeout')
  })

  it('lets a cancellation by the caller through as is', async () => {
    server.use(http.get(URL, async () => delay('infinite')))
    const controller = new AbortController()
    const request = apiRequest({ method: 'GET', path: '/projects', signal: controller.signal })
    controller.abort()
    await expect(request).rejects.not.toBeInstanceOf(ApiError)
  })
})

describe('read retries', () => {
  it.each([
    ['network', true],
    ['offline', true],
    ['timeout', true],
    ['server', true],
    ['client', false],
    ['bad-response', false],
    ['unauthorized', false],
  ] as const)('retries a %s failure: %s', (kind, retried) => {
    expect(shouldRetryRead(0, new ApiError(kind, kind))).toBe(retried)
  })

  it('stops after two retries, backing off', () => {
    expect(shouldRetryRead(2, new ApiError('server', 'x'))).toBe(false)
    expect(readRetryDelay(0)).toBeLessThan(readRetryDelay(1))
  })
})
