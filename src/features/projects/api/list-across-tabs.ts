/**
 * Keeps the user's tabs in step: each list the API answers in one tab (a
 * write's answer is the whole list) is posted to the others on a
 * BroadcastChannel, which take it as their own answer, with no GET of theirs.
 * Only between tabs of the same user, pool and app client.
 */
import type { QueryClient } from '@tanstack/react-query'
import { dataOwner } from '@/lib/auth'
import { LIST_HASH, listNamespace } from './kept-storage'
import type { ProjectList } from './parse-projects'
import { projectKeys } from './project-keys'

interface Shared {
  owner: string
  list: ProjectList
  /** When the sending tab had the answer. */
  answeredAt: number
}

/** Starts sharing `queryClient`'s list with the user's other tabs; returns what stops it. */
export function shareListAcrossTabs(queryClient: QueryClient): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(listNamespace())
  let taking = false

  const stopPosting = queryClient.getQueryCache().subscribe((event) => {
    if (taking || event.type !== 'updated' || event.action.type !== 'success') return
    if (event.query.queryHash !== LIST_HASH) return
    const owner = dataOwner()
    if (!owner) return
    const shared: Shared = {
      owner,
      list: event.query.state.data as ProjectList,
      answeredAt: event.query.state.dataUpdatedAt,
    }
    channel.postMessage(shared)
  })

  const writing = () => queryClient.isMutating({ mutationKey: projectKeys.writes() }) > 0
  // Another tab's answer that came while this tab's own write was in flight:
  // which of the two the API gave later can't be told (both tabs' queued writes
  // go when the network is back), so once this tab's writes are done, one GET settles it.
  let crossed = false
  const stopWatchingWrites = queryClient.getMutationCache().subscribe((event) => {
    if (!crossed || event.type !== 'updated' || writing()) return
    crossed = false
    void queryClient.invalidateQueries({ queryKey: projectKeys.list() })
  })

  channel.onmessage = ({ data }: MessageEvent<Shared>) => {
    if (data.owner !== dataOwner()) return
    if (writing()) {
      crossed = true
      return
    }
    const state = queryClient.getQueryState(projectKeys.list())
    if (state && state.dataUpdatedAt >= data.answeredAt) return
    taking = true
    try {
      queryClient.setQueryData(projectKeys.list(), data.list, { updatedAt: data.answeredAt })
    } finally {
      taking = false
    }
  }

  return () => {
    stopPosting()
    stopWatchingWrites()
    channel.close()
  }
}
