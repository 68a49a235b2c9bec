import type { QueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** Fresh copies of the module and of what it provides to, as a page load has: nothing started yet. */
async function pageLoad() {
  vi.resetModules()
  const query = await import('@tanstack/react-query')
  function WhichClient({ names }: { names: Map<QueryClient, string> }) {
    return <p>client: {names.get(query.useQueryClient()) ?? 'unknown'}</p>
  }
  return {
    shared: await import('./shared-query-client'),
    QueryClient: query.QueryClient,
    WhichClient,
    QueryClientProvider: query.QueryClientProvider,
  }
}

describe('the page’s shared QueryClient', () => {
  let page: Awaited<ReturnType<typeof pageLoad>>
  let shared: Awaited<ReturnType<typeof pageLoad>>['shared']
  let QueryClient: Awaited<ReturnType<typeof pageLoad>>['QueryClient']
  let WhichClient: Awaited<ReturnType<typeof pageLoad>>['WhichClient']
  beforeEach(async () => {
    page = await pageLoad()
    ;({ shared, QueryClient, WhichClient } = page)
  })

  it('starts once, on first use, however many ask for it', async () => {
    const client = new QueryClient()
    const start = vi.fn(async () => client)
    shared.provideQueryClient(start)
    expect(shared.startedQueryClient()).toBeUndefined()
    expect(start).not.toHaveBeenCalled()

    const [first, second] = await Promise.all([
      shared.sharedQueryClient(),
      shared.sharedQueryClient(),
    ])
    expect(first).toBe(client)
    expect(second).toBe(client)
    expect(start).toHaveBeenCalledTimes(1)
    expect(shared.startedQueryClient()).toBe(client)
  })

  it('tries a start whose code did not arrive again at the next use', async () => {
    const client = new QueryClient()
    const start = vi
      .fn<() => Promise<QueryClient>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce(client)
    shared.provideQueryClient(start)

    await expect(shared.sharedQueryClient()).rejects.toThrow('Failed to fetch')
    expect(shared.startedQueryClient()).toBeUndefined()
    await expect(shared.sharedQueryClient()).resolves.toBe(client)
    expect(start).toHaveBeenCalledTimes(2)
  })

  it('gives a page the shared client, saying it is on its way until it has started', async () => {
    const client = new QueryClient()
    let arrive = () => {}
    shared.provideQueryClient(
      () => new Promise<QueryClient>((resolve) => (arrive = () => resolve(client))),
    )
    const { WithQueryClient } = shared
    // Awaited: React reports a suspension inside an act() it isn't given the time of.
    await act(async () => {
      render(
        <WithQueryClient fallback={<p>Loading…</p>}>
          <WhichClient names={new Map([[client, 'shared']])} />
        </WithQueryClient>,
      )
    })
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    await act(async () => arrive())
    expect(await screen.findByText('client: shared')).toBeInTheDocument()
  })

  it('leaves a client provided above in place (a test’s), starting none', async () => {
    const { QueryClientProvider } = page
    const { WithQueryClient } = shared
    const given = new QueryClient()
    const start = vi.fn(async () => new QueryClient())
    shared.provideQueryClient(start)
    render(
      <QueryClientProvider client={given}>
        <WithQueryClient>
          <WhichClient names={new Map([[given, 'given']])} />
        </WithQueryClient>
      </QueryClientProvider>,
    )
    expect(await screen.findByText('client: given')).toBeInTheDocument()
    expect(start).not.toHaveBeenCalled()
  })
})
