import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest, readRetryDelay, shouldRetryRead } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'
import { projectKeys } from './project-keys'

export async function getProjects(signal?: AbortSignal): Promise<ProjectList> {
  return parseProjects(await apiRequest({ method: 'GET', path: '/projects', signal }))
}

/**
 * The list query as one unit (key, fetch, retries): everything that reads the
 * list goes through it, so they share one cache entry.
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
  })
}

export function useProjects() {
  return useQuery(projectsQuery())
}
