/**
 * The kept list and the queued writes, read with neither React nor TanStack
 * Query: the projects document's early module draws the list from them
 * (src/app/kept-list-preview.ts). A module of its own so that this reading
 * travels only with that module, not with every page's code.
 */
import type { Project, ProjectList } from './parse-projects'
import {
  KEPT_FOR_MS,
  keptListBuster,
  keptListKey,
  LIST_HASH,
  queuedWritesPrefix,
} from './kept-storage'

export interface KeptList {
  list: ProjectList
  /** When the API answered it. */
  answeredAt: number
}

/**
 * `owner`'s kept list, as TanStack Query's persister wrote it (its
 * PersistedClient: `timestamp`, `buster`, the dehydrated queries), under the
 * rules its restore applies: nothing older than KEPT_FOR_MS, nothing of another
 * build. persisted-list.test.tsx holds this reading to what the real
 * persister writes. Undefined on any doubt: the page then waits for its code, as it would
 * without a kept list.
 */
export function readKeptList(owner: string, now = Date.now()): KeptList | undefined {
  try {
    const entry = JSON.parse(localStorage.getItem(keptListKey(owner)) ?? 'null') as {
      timestamp?: unknown
      buster?: unknown
      clientState?: { queries?: { queryHash?: unknown; state?: Record<string, unknown> }[] }
    } | null
    if (typeof entry?.timestamp !== 'number' || now - entry.timestamp > KEPT_FOR_MS) return
    if (entry.buster !== keptListBuster()) return
    const state = entry.clientState?.queries?.find((query) => query.queryHash === LIST_HASH)?.state
    const list = state?.data as ProjectList | undefined
    if (state?.status !== 'success' || typeof state.dataUpdatedAt !== 'number') return
    if (!Array.isArray(list?.items) || !list.items.every(isProject)) return
    if (typeof list.unreadable !== 'number' || typeof list.listed !== 'number') return
    return { list, answeredAt: state.dataUpdatedAt }
  } catch {
    return undefined
  }
}

const isProject = (item: Project) =>
  typeof item?.id === 'number' &&
  typeof item.name === 'string' &&
  typeof item.isDefault === 'boolean'

/** Whether any write of `owner`'s is waiting in storage for the network. */
export function hasQueuedWrites(owner: string): boolean {
  try {
    const prefix = queuedWritesPrefix(owner)
    for (let i = 0; i < localStorage.length; i += 1) {
      if (localStorage.key(i)?.startsWith(prefix)) return true
    }
    return false
  } catch {
    return true
  }
}
