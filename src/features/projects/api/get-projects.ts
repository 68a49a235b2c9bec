import { queryOptions, useIsMutating, useQuery } from '@tanstack/react-query'
import { apiRequest, readRetryDelay, shouldRetryRead } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'
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
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
    refetchInterval: REFRESH_MS,
  })
}

/**
 * The list, refreshing as `projectsQuery` says, except while one of this tab's
 * writes is in flight: its answer (the whole list) is newer than any refresh
 * started meanwhile could be.
 */
export function useProjects() {
  const writing = useIsMutating({ mutationKey: projectKeys.writes() }) > 0
  const query = projectsQuery()
  return useQuery({
    ...query,
    refetchOnWindowFocus: !writing,
    refetchOnReconnect: !writing,
    refetchInterval: writing ? false : query.refetchInterval,
  })
}
