import { queryOptions, useIsMutating, useQuery, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { apiRequest, readRetryDelay, shouldRetryRead } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'
import { KEPT_FOR_MS } from './kept-storage'
import { projectKeys } from './project-keys'

export async function getProjects(signal?: AbortSignal): Promise<ProjectList> {
  return parseProjects(await apiRequest({ method: 'GET', path: '/projects', signal }))
}

/**
 * How old the list may be and still count as current. Past this, coming back
 * to the tab refreshes it, and a rename or delete checks the list first.
 */
export const FRESH_MS = 5_000
/** Other people's changes arrive at most this long after they happen while the tab is visible. */
export const REFRESH_MS = 60_000

/**
 * The list query as one unit (key, fetch, retries, refreshes): everything that
 * reads the list goes through it, so they share one cache entry.
 * The API never tells us about other people's changes, so the list refreshes
 * itself: when the tab becomes visible again, when the network comes back,
 * and once a minute while the tab is visible (one GET each).
 */
export function projectsQuery() {
  return queryOptions({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => getProjects(signal),
    // Network failures, timeouts and 5xx may pass: retry with backoff. 4xx and unreadable bodies won't.
    retry: shouldRetryRead,
    retryDelay: readRetryDelay,
    // Fail at once when offline (and say so) rather than wait silently.
    networkMode: 'always',
    staleTime: FRESH_MS,
    // Kept in the cache as long as it is kept between visits (persisted-list.ts):
    // a list dropped from the cache would be dropped from the next visit too.
    gcTime: KEPT_FOR_MS,
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
    refetchInterval: REFRESH_MS,
  })
}

const isWriting = (client: QueryClient) =>
  client.isMutating({ mutationKey: projectKeys.writes() }) > 0

/**
 * The route's early start of the list (its loader), unless one of this tab's
 * writes is in flight (coming back to the page mid-write): that write's answer
 * is the list, newer than a GET started meanwhile could be.
 */
export function prefetchProjects(client: QueryClient): Promise<void> | undefined {
  if (isWriting(client)) return undefined
  return client.prefetchQuery(projectsQuery())
}

/**
 * The list, refreshing as `projectsQuery` says, except while one of this tab's
 * writes is in flight: no GET of any kind (mount, focus, reconnect, interval,
 * the Retry button) overlaps a write, since the write's answer (the whole list)
 * is newer than any read started meanwhile could be, and replaces it. A read
 * already in flight when a write starts is cancelled (project-write.ts).
 */
export function useProjects() {
  const writing = useIsMutating({ mutationKey: projectKeys.writes() }) > 0
  const options = projectsQuery()
  const query = useQuery({
    ...options,
    refetchOnMount: !writing,
    refetchOnWindowFocus: !writing,
    refetchOnReconnect: !writing,
    refetchInterval: writing ? false : options.refetchInterval,
  })
  const { refetch } = query
  // A retry asked for mid-write is answered by the write: its list replaces the failed one.
  const retry = useCallback(() => {
    if (!writing) void refetch()
  }, [writing, refetch])
  return { query, retry }
}
