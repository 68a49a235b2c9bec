import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { getIdToken } from '@/lib/auth'
import { server } from '../../tests/setup/local-aws'
import { ApiError, apiRequest } from './api-client'

// An API deployed on another origin, as when VITE_API_URL is absolute.
vi.mock('@/config/env', async (importOriginal) => {
  const { env } = await importOriginal<typeof import('@/config/env')>()
  return { env: () => ({ ...env(), apiUrl: 'https://api.example.com/dev_1' }) }
})
vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

const URL = 'https://api.example.com/dev_1/projects'

/** A browser sees the API's CORS-less 401 as a failed fetch: msw's network error. */
function opaqueThenOk() {
  const tokens: (string | null)[] = []
  server.use(
    http.all(URL, ({ request }) => {
      tokens.push(request.headers.get('authorization'))
      return tokens.length === 1 ? HttpResponse.error() : HttpResponse.json([])
    }),
  )
  return tokens
}

describe('apiRequest to an API on another origin', () => {
  beforeEach(() => {
    vi.mocked(getIdToken).mockImplementation(async ({ forceRefresh } = {}) =>
      forceRefresh ? 'fresh-token' : 'old-token',
    )
  })

  it('takes a failed read for a hidden 401: refreshes the token and reads once more', async () => {
    const tokens = opaqueThenOk()
    await expect(apiRequest({ method: 'GET', path: '/projects' })).resolves.toEqual([])
    expect(tokens).toEqual(['old-token', 'fresh-token'])
  })

  it('never re-sends a write on that guess: it may have reached the API', async () => {
    const tokens = opaqueThenOk()
    const write = apiRequest({ method: 'DELETE', path: '/projects', body: { 'project-id': 1 } })
    await expect(write).rejects.toEqual(expect.any(ApiError))
    await expect(write).rejects.toMatchObject({ kind: 'network' })
    expect(tokens).toEqual(['old-token'])
  })
})
