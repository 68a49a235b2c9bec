import { registerSW } from 'virtual:pwa-register'
import { startedQueryClient } from '@/lib/shared-query-client'
import { newRelease } from './new-release'

/** How often an open page asks whether a new release is out, besides when it comes back into view or online. */
const CHECK_EVERY_MS = 60 * 60 * 1000

/**
 * Registers the worker vite-plugin-pwa built (build/service-worker.ts). A new
 * release's worker installs in the background and then waits: the page says a
 * new version is ready and switches only when the user asks, or when the page
 * is hidden with nothing being edited. Another tab's switch also makes this
 * page run under the new worker; this page then reloads only if nothing is
 * being edited in it, and otherwise keeps the notice.
 */
export function startServiceWorker(): void {
  let asked = false
  const switchNow = () => {
    asked = true
    void update()
  }
  const update = registerSW({
    onNeedRefresh: () => newRelease.ready(switchNow),
    onNeedReload: () => {
      if (asked || !beingEdited()) window.location.reload()
      else newRelease.ready(() => window.location.reload())
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return
      const check = () => {
        // Offline, or a failed check: the next one will tell.
        if (navigator.onLine) registration.update().catch(() => undefined)
      }
      window.addEventListener('online', check)
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check()
      })
      setInterval(check, CHECK_EVERY_MS)
    },
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && newRelease.current.ready && !beingEdited())
      switchNow()
  })
}

const TEXT_TYPES = new Set(['text', 'search', 'email', 'password', 'tel', 'url', 'number'])

/** A write not yet answered (sent, or waiting for the network), or a text field holding something. */
function beingEdited(): boolean {
  // No client yet: nobody's data, so no write, is on this page.
  if ((startedQueryClient()?.isMutating() ?? 0) > 0) return true
  return [
    ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
  ].some(
    (field) =>
      field.value !== '' && (field instanceof HTMLTextAreaElement || TEXT_TYPES.has(field.type)),
  )
}
