/**
 * The last answered list, kept in this browser for the next visit with
 * TanStack Query's persister (in localStorage): a returning user sees it with
 * the first render, marked with its time, while the page's one GET asks for
 * the current list. One entry per user pool, app client and user; dropped
 * when more than a day old or written by another build, and removed when its
 * user's session ends. Nothing else in the cache is kept.
 */
import type { Query, QueryClient } from '@tanstack/react-query'
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister'
import {
  persistQueryClientRestore,
  persistQueryClientSubscribe,
  type PersistQueryClientOptions,
} from '@tanstack/react-query-persist-client'
import { dataOwner, onSessionEnd } from '@/lib/auth'
import { KEPT_FOR_MS, keptListBuster, keptListKey, LIST_HASH } from './kept-storage'
import { projectKeys } from './project-keys'

/**
 * localStorage under the entry of whoever's data the page holds: nothing is
 * read or kept for nobody. A full or refused storage loses only the copy.
 */
const ownersStorage = {
  getItem: (): string | null => {
    const owner = dataOwner()
    try {
      return owner ? localStorage.getItem(keptListKey(owner)) : null
    } catch {
      return null
    }
  },
  setItem: (_key: string, value: string): void => {
    const owner = dataOwner()
    try {
      if (owner) localStorage.setItem(keptListKey(owner), value)
    } catch {
      // The next visit waits for the GET, as it would without a kept list.
    }
  },
  removeItem: (): void => {
    const owner = dataOwner()
    if (owner) forget(owner)
  },
}

function forget(owner: string) {
  try {
    localStorage.removeItem(keptListKey(owner))
  } catch {
    // Storage that can't be written holds nothing of ours either.
  }
}

/** When the list shown was answered, while it is the one kept from an earlier visit. */
const restoredAt = new WeakMap<QueryClient, number>()

/**
 * Restores the kept list into `queryClient`, then keeps each new answer.
 * Resolves once restored (localStorage answers at once), so the first render
 * and the route's loader see it, with what stops the keeping.
 */
export async function keepListBetweenVisits(queryClient: QueryClient): Promise<() => void> {
  const options: Omit<PersistQueryClientOptions, 'hydrateOptions'> = {
    queryClient,
    persister: createAsyncStoragePersister({ storage: ownersStorage, throttleTime: 250 }),
    maxAge: KEPT_FOR_MS,
    buster: keptListBuster(),
    dehydrateOptions: {
      shouldDehydrateQuery: (query: Query) =>
        query.queryHash === LIST_HASH && query.state.status === 'success',
      shouldDehydrateMutation: () => false,
    },
  }
  const stopClearing = onSessionEnd((owner) => {
    restoredAt.delete(queryClient)
    if (owner) forget(owner)
  })
  try {
    await persistQueryClientRestore(options)
    const updatedAt = queryClient.getQueryState(projectKeys.list())?.dataUpdatedAt
    if (updatedAt) {
      restoredAt.set(queryClient, updatedAt)
      // However recent, a kept list is never current: the page's GET still goes out.
      await queryClient.invalidateQueries({ queryKey: projectKeys.list(), refetchType: 'none' })
    }
  } catch {
    // An unreadable entry: the persister has removed it, and the page waits for the GET.
  }
  const stopSaving = persistQueryClientSubscribe(options)
  return () => {
    stopSaving()
    stopClearing()
  }
}

/** The time of the list's data while it is the kept one, not yet replaced by this visit's answer. */
export function keptListTime(queryClient: QueryClient, dataUpdatedAt: number): number | undefined {
  return restoredAt.get(queryClient) === dataUpdatedAt ? dataUpdatedAt : undefined
}
