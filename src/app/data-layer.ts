import { onlineManager, type QueryClient } from '@tanstack/react-query'
import { shareListAcrossTabs } from '@/features/projects/api/list-across-tabs'
import { keepWritesAcrossReloads } from '@/features/projects/api/offline-queue'
import { keepListBetweenVisits } from '@/features/projects/api/persisted-list'
import { onSessionEnd } from '@/lib/auth'
import { createQueryClient } from '@/lib/query-client'

/**
 * The page's QueryClient, started (src/lib/shared-query-client.tsx loads this
 * chunk): the list and the writes waiting for the network kept from the last
 * visit first (localStorage answers at once), so the route's loader and first
 * render see them; then each answer is shared with the user's other tabs.
 */
export async function startQueryClient(): Promise<QueryClient> {
  const queryClient = createQueryClient()
  // What one user saw must not reach the next one's first screen: from the
  // start, so that a session ending while the kept data is restored clears it too.
  onSessionEnd(() => queryClient.clear())
  // TanStack Query starts out online and learns otherwise only from an `offline`
  // event. A page opened with no network (from the service worker) starts offline
  // instead, so that its GET and its queued writes wait rather than fail.
  onlineManager.setOnline(navigator.onLine)
  await keepListBetweenVisits(queryClient)
  await keepWritesAcrossReloads(queryClient)
  await shareListAcrossTabs(queryClient)
  return queryClient
}
