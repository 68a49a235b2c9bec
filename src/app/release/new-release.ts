import { useSyncExternalStore } from 'react'

/**
 * Whether a newer release than the one running is ready, and how to switch to
 * it: service-worker.ts says so, the notice (new-release-notice.tsx) offers it.
 * A store of its own, so the layout can show the notice without loading
 * the worker's registration code.
 */
type Release = { ready: false } | { ready: true; reload: () => void }

let current: Release = { ready: false }
const listeners = new Set<() => void>()

export const newRelease = {
  ready(reload: () => void) {
    current = { ready: true, reload }
    for (const listener of listeners) listener()
  },
  get current(): Release {
    return current
  },
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function useNewRelease(): Release {
  // Prerendered pages (src/prerender.tsx) are drawn with no release ready.
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  )
}
