import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, matchRoutes, Navigate, type RouteObject } from 'react-router-dom'
import type { ReactElement } from 'react'
import { NotFound } from '@/app/layout/not-found'
import { RootLayout } from '@/app/layout/root-layout'
import { RouteError } from '@/app/layout/route-error'
import { env, passwordless } from '@/config/env'
import { home, routes, screenOf, type AppRoute, type RouteName } from '@/config/paths'
import { GuestOnly } from '@/features/auth/components/guest-only'
import { RequireAuth } from '@/features/auth/components/require-auth'
import { getIdToken } from '@/lib/auth'
import { preloadAuthFlows } from '@/lib/auth-calls'
import { WithQueryClient } from '@/lib/shared-query-client'

/** The QueryClient the routes' loaders and pages use: the page's shared one, or a test's. */
export type QueryClientSource = () => Promise<QueryClient>

/**
 * Every screen but the shell is a lazy chunk, so a returning user who lands on
 * /projects downloads none of the sign-in and sign-up code. Amplify's sign-in
 * code (SRP, sign-up) isn't needed to show an auth form, so it never delays
 * one, nor runs while the page loads: it starts loading when the browser is
 * idle after the user first turns to the form (a key or pointer press, focus
 * on a field, or a browser filling it in). Typing an email gives it ample time; a submit before it has
 * arrived waits for it.
 */
function authScreen(load: () => Promise<ScreenModule>) {
  return async () => {
    const route = await load()
    onFirstInteraction(() => {
      // A failed download is tried again, and reported, by the submit that needs it.
      preloadAuthFlows().catch(() => {})
      // The code behind the page a sign-in leads to, so that it doesn't wait for it.
      import('@/app/data-layer').catch(() => {})
    })
    return route
  }
}

function onFirstInteraction(start: () => void) {
  // Prerendering at build time (src/prerender.tsx): there is no user to wait for.
  if (typeof window === 'undefined') return
  const events = ['pointerdown', 'keydown', 'focusin', 'input'] as const
  const once = (event: Event) => {
    // The auth page moves focus to its heading as it appears: that is not the user.
    if (event.type === 'focusin' && !isFormField(event.target)) return
    for (const type of events) removeEventListener(type, once, true)
    // After the interaction's own work (its render, a focus move), which the
    // chunk's evaluation would otherwise delay.
    if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 500 })
    else setTimeout(start, 50)
  }
  for (const type of events) addEventListener(type, once, { capture: true })
}

const isFormField = (target: EventTarget | null) =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLButtonElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement

/**
 * Starts the list's request as soon as the router starts, alongside the route's
 * chunk instead of after it has run; the page reads the same query, so it is
 * still one GET. Not awaited: the page shell paints without waiting for data.
 * Not started while a write is in flight (prefetchProjects says why).
 * Without a stored session there is nothing to ask for (the guard sends the
 * user to sign-in).
 */
function startProjectsQuery(queryClient: QueryClientSource) {
  return () => {
    // A token that can't be refreshed now is the page's own query's to report.
    void getIdToken().then(
      async (token) => {
        if (!token) return
        // The list's module comes with the page's (preloaded by its document), not with every page's.
        const [{ prefetchProjects }, client] = await Promise.all([
          import('@/features/projects/api/get-projects'),
          queryClient(),
        ])
        await prefetchProjects(client)
      },
      () => {},
    )
    return null
  }
}

type ScreenModule = Pick<RouteObject, 'Component' | 'loader' | 'handle'>

/** Every screen module; the route table (src/config/paths.ts) picks each route's. */
const screens = import.meta.glob<ScreenModule>(['./routes/*.tsx', '!./routes/*.test.tsx'])

function screenModule(route: AppRoute) {
  const name = screenOf(route, { passwordless: passwordless(env()) })
  const load = screens[`./routes/${name}.tsx`]
  if (!load) throw new Error(`src/config/paths.ts names a screen with no module: ${name}`)
  return load
}

const guards = {
  guest: <GuestOnly />,
  member: (
    <WithQueryClient>
      <RequireAuth />
    </WithQueryClient>
  ),
} satisfies Record<AppRoute['access'], ReactElement>

const NothingYet = () => null

/**
 * A signed-in page's module, with the QueryClient started (its chunk is
 * preloaded with the page's document, build/route-documents.ts): the page
 * renders with it at once.
 */
function memberScreen(load: () => Promise<ScreenModule>, queryClient: QueryClientSource) {
  return async () => (await Promise.all([load(), queryClient()]))[0]
}

/** The app's routes; loaders put what they start into `queryClient`, the one the app renders with. */
export const createRoutes = (queryClient: QueryClientSource): RouteObject[] => {
  const screenRoute = (name: RouteName, route: AppRoute): RouteObject => {
    const load =
      route.access === 'member'
        ? memberScreen(screenModule(route), queryClient)
        : screenModule(route)
    // The list has no form that signs in; it starts its data with the route instead.
    return name === 'projects'
      ? { path: route.path, loader: startProjectsQuery(queryClient), lazy: load }
      : { path: route.path, lazy: authScreen(load) }
  }
  const table = Object.entries(routes) as [RouteName, AppRoute][]
  return [
    {
      element: <RootLayout />,
      errorElement: <RouteError />,
      // While a page that came without HTML (the list) loads its route's code
      // (preloaded with the document) and runs its loader, there is nothing to
      // show yet: said so, the router doesn't warn about it on every such load.
      HydrateFallback: NothingYet,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { path: home.path, element: <Navigate to={home.redirectsTo} replace /> },
            ...(['guest', 'member'] as const).map((access) => ({
              element: guards[access],
              children: table
                .filter(([, route]) => route.access === access)
                .map(([name, route]) => screenRoute(name, route)),
            })),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]
}

/**
 * The router, started: it begins loading the page's route (code and data) at
 * once. Hydrating a prerendered page, it first waits for the route's lazy
 * modules (preloaded with the page, so no extra round trip), since hydration
 * must render exactly what the HTML shows.
 */
export async function createAppRouter(queryClient: QueryClientSource, { hydrating = false } = {}) {
  const routes = createRoutes(queryClient)
  if (hydrating) {
    const lazyMatches = matchRoutes(routes, location)?.filter((match) => match.route.lazy) ?? []
    await Promise.all(
      lazyMatches.map(async ({ route }) => {
        const loaded = await (route.lazy as () => Promise<Partial<RouteObject>>)()
        Object.assign(route, { ...loaded, lazy: undefined })
      }),
    )
  }
  return createBrowserRouter(routes)
}
