import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { createAppRouter } from '@/app/router'
import { dataOwner } from '@/lib/auth'
import { detectLanguage, readStored } from '@/lib/i18n'
import { provideQueryClient, sharedQueryClient } from '@/lib/shared-query-client'
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

provideQueryClient(() => import('@/app/data-layer').then((module) => module.startQueryClient()))
// With someone's session stored, the page is theirs (a guest page sends them on
// to their list): their kept list and waiting writes are restored before the
// router starts, so that its loader and first render see them. A visitor's page
// starts without, and the routes that show data start it (src/app/router.tsx).
const ready = dataOwner() ? sharedQueryClient().catch(() => {}) : Promise.resolve()

// The router starts loading the first route (code and data) as soon as it is
// created. Not a top-level await: the route chunks import from this one, which
// must finish running first.
void ready
  .then(() => createAppRouter(sharedQueryClient, { hydrating }))
  .then(
    (router) => render(router, hydrating),
    // A route chunk that failed to arrive: the page is drawn anew, and the router reports it.
    () => createAppRouter(sharedQueryClient).then((router) => render(router, false)),
  )

// The worker that keeps the app for offline visits (src/app/release/service-worker.ts),
// once the page has loaded and the first screen is drawn (the main thread idle):
// its code and the app shell it fetches must not compete with that screen's own
// code and data. A development server has none.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () =>
    void import('@/app/release/service-worker').then((module) => module.startServiceWorker())
  // Safari has no requestIdleCallback.
  const whenIdle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(start) : setTimeout(start, 1000)
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}

function render(router: Awaited<ReturnType<typeof createAppRouter>>, hydrate: boolean) {
  const app = (
    <StrictMode>
      <App router={router} />
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
