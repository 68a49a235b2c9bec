import { onlineManager } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { createAppRouter } from '@/app/router'
import { shareListAcrossTabs } from '@/features/projects/api/list-across-tabs'
import { keepWritesAcrossReloads } from '@/features/projects/api/offline-queue'
import { keepListBetweenVisits } from '@/features/projects/api/persisted-list'
import { detectLanguage, readStored } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'
import '@/styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

/**
 * The sign-in, sign-up and password-reset pages come prerendered, in the
 * language the CDN chose (build/route-documents.ts): React takes over that HTML
 * when it is in the language the app picks, and otherwise draws the page anew.
 */
const hydrating =
  root.firstElementChild !== null && document.documentElement.lang === detectLanguage(readStored())

// Created before React renders: the router starts loading the first route (code
// and data) as soon as this chunk runs. Not a top-level await: the route chunks
// import from this one, which must finish running first.
const queryClient = createQueryClient()
// TanStack Query starts out online and learns otherwise only from an `offline`
// event. A page opened with no network (from the service worker) starts offline
// instead, so that its GET and its queued writes wait rather than fail.
onlineManager.setOnline(navigator.onLine)
// The list and the writes waiting for the network kept from the last visit
// first (localStorage answers at once), so the route's loader and first render
// see them; then each answer is shared with the user's other tabs.
void keepListBetweenVisits(queryClient)
  .then(() => keepWritesAcrossReloads(queryClient))
  .then(() => shareListAcrossTabs(queryClient))
  .then(() => createAppRouter(queryClient, { hydrating }))
  .then(
    (router) => render(router, hydrating),
    // A route chunk that failed to arrive: the page is drawn anew, and the router reports it.
    () => createAppRouter(queryClient).then((router) => render(router, false)),
  )

// The worker that keeps the app for offline visits (src/app/release/service-worker.ts),
// once the page has loaded and the first screen is drawn (the main thread idle):
// its code and the app shell it fetches must not compete with that screen's own
// code and data. A development server has none.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () =>
    void import('@/app/release/service-worker').then((module) =>
      module.startServiceWorker(queryClient),
    )
  // Safari has no requestIdleCallback.
  const whenIdle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(start) : setTimeout(start, 1000)
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}

function render(router: Awaited<ReturnType<typeof createAppRouter>>, hydrate: boolean) {
  const app = (
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>
  )
  // Taking over the prerendered form as a transition, React yields to the
  // browser every few milliseconds (outside one, it hydrates in a single task),
  // so no long task blocks the page that is already on screen (Lighthouse's
  // Total Blocking Time on /sign-in: 14-183 ms before, 0-22 ms after, in this
  // machine's benches). A page drawn anew has nothing on screen to keep
  // responsive, and as a transition the list took longer to work (bench,
  // cache kept: 0.89 against 0.75 s).
  if (hydrate) startTransition(() => void hydrateRoot(root!, app))
  else createRoot(root!).render(app)
}
