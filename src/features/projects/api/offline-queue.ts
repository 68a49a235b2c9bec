/**
 * Keeps the writes waiting for the network across a reload or a closed tab,
 * with TanStack Query's own means: `dehydrate` of the waiting mutations into
 * localStorage, `hydrate` of them into the next page (the writes' options are
 * the mutation cache's defaults, so a restored write has its function), then
 * `resumePausedMutations`, which sends them in order once the network is back.
 *
 * Each tab keeps its own entry, and holds a Web Lock named after it while it
 * is open. A page adopts the entries of tabs that are gone (their lock is
 * free): it takes the lock, removes the entry and restores its writes, so a
 * queued write is sent by one tab only, however many are open or reopen.
 *
 * A write that was in flight when the page went away may or may not have
 * reached the API: it is restored as `interrupted`, and before it is sent
 * again it is checked against the current list (project-write.ts), which
 * tells whether it landed.
 *
 * Per user, pool and app client; every entry of the user is removed when
 * their session ends, as the rest of their data is.
 */
import {
  dehydrate,
  hydrate,
  type DehydratedState,
  type Mutation,
  type QueryClient,
} from '@tanstack/react-query'
import { dataOwner, onSessionEnd } from '@/lib/auth'
import type { ProjectWrite } from './fold-writes'
import { QUEUE_PREFIX, queuedWritesPrefix } from './kept-storage'
import { projectKeys } from './project-keys'
import { writeOptions } from './project-write'

/** Bumped when a kept write's shape changes, so an older one is dropped rather than misread. */
const FORMAT = 1

interface Entry {
  format: number
  mutations: DehydratedState['mutations']
}

const lockName = (tab: string) => `${QUEUE_PREFIX}tab.${tab}`

const isWrite = (mutation: Mutation) =>
  JSON.stringify(mutation.options.mutationKey) === JSON.stringify(projectKeys.writes())

/** The writes not yet answered, as the next page should restore them. */
function unanswered(queryClient: QueryClient): DehydratedState['mutations'] {
  return dehydrate(queryClient, {
    shouldDehydrateQuery: () => false,
    shouldDehydrateMutation: (m) => isWrite(m) && m.state.status === 'pending',
  }).mutations.map((mutation) => {
    const write = mutation.state.variables as ProjectWrite
    // Restored paused, to be sent by resumePausedMutations; one that was being
    // sent may have landed, and is checked for that first.
    const interrupted = write.interrupted === true || !mutation.state.isPaused
    return {
      ...mutation,
      state: {
        ...mutation.state,
        isPaused: true,
        variables: { ...write, restored: true, queued: true, interrupted },
      },
    }
  })
}

function read(key: string): Entry | undefined {
  try {
    const entry = JSON.parse(localStorage.getItem(key) ?? 'null') as Entry | null
    return entry?.format === FORMAT && Array.isArray(entry.mutations) ? entry : undefined
  } catch {
    return undefined
  }
}

function remove(key: string) {
  try {
    localStorage.removeItem(key)
  } catch {
    // Storage that can't be written holds nothing of ours either.
  }
}

function keysOf(owner: string): string[] {
  const prefix = queuedWritesPrefix(owner)
  const keys: string[] = []
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  return keys
}

/**
 * Restores into `queryClient` the writes of the user's tabs that are gone,
 * oldest first. Without Web Locks (no other tab can be told apart), every
 * entry but this tab's is taken.
 */
async function adoptOrphans(queryClient: QueryClient, tab: string): Promise<boolean> {
  const owner = dataOwner()
  if (!owner) return false
  const prefix = queuedWritesPrefix(owner)
  const others = keysOf(owner).filter((key) => key !== prefix + tab)
  const taken: NonNullable<DehydratedState['mutations']> = []
  for (const key of others) {
    const take = () => {
      const entry = read(key)
      remove(key)
      if (entry) taken.push(...entry.mutations)
    }
    if (typeof navigator.locks === 'undefined') take()
    else
      await navigator.locks.request(
        lockName(key.slice(prefix.length)),
        { ifAvailable: true },
        (lock) => {
          if (lock) take()
        },
      )
  }
  if (taken.length === 0) return false
  taken.sort((a, b) => a.state.submittedAt - b.state.submittedAt)
  hydrate(queryClient, { mutations: taken, queries: [] })
  return true
}

/**
 * Starts keeping `queryClient`'s waiting writes for the next page, and
 * restores those that gone tabs left. Resolves once restored, so the route's
 * loader sees them (no GET overlaps a write); returns what stops the keeping.
 * Restored writes are sent (`resumePausedMutations`) by the projects page,
 * which tells their outcomes, or when the network comes back.
 */
export async function keepWritesAcrossReloads(queryClient: QueryClient): Promise<() => void> {
  queryClient.setMutationDefaults(projectKeys.writes(), writeOptions())
  const tab = crypto.randomUUID()
  let release: () => void = () => {}
  if (typeof navigator.locks !== 'undefined') {
    const held = new Promise<void>((resolve) => (release = resolve))
    void navigator.locks.request(lockName(tab), () => held)
  }

  let savedUnder: string | undefined
  const save = () => {
    const owner = dataOwner()
    const key = owner && queuedWritesPrefix(owner) + tab
    if (savedUnder && savedUnder !== key) remove(savedUnder)
    savedUnder = key
    if (!key) return
    const mutations = unanswered(queryClient)
    try {
      if (mutations.length === 0) localStorage.removeItem(key)
      else localStorage.setItem(key, JSON.stringify({ format: FORMAT, mutations } satisfies Entry))
    } catch {
      // A full or refused storage: the writes still go from this page, but not from the next.
    }
  }
  const stopSaving = queryClient.getMutationCache().subscribe((event) => {
    if (event.mutation && isWrite(event.mutation)) save()
  })
  const stopClearing = onSessionEnd((owner) => {
    if (owner) keysOf(owner).forEach(remove)
    savedUnder = undefined
  })
  // Writes left by a tab that closed while this one stayed open go when the network is back.
  const adoptOnline = () =>
    void adoptOrphans(queryClient, tab).then((adopted) => {
      if (adopted) void queryClient.resumePausedMutations()
    })
  window.addEventListener('online', adoptOnline)

  await adoptOrphans(queryClient, tab).catch(() => {})
  return () => {
    window.removeEventListener('online', adoptOnline)
    stopSaving()
    stopClearing()
    release()
  }
}
