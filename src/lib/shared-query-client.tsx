import { QueryClientContext, QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Suspense, use, useContext, type ReactNode } from 'react'

/**
 * The page's one QueryClient, with the list's persistence, the writes kept
 * across reloads and the tabs' sharing it starts with (src/app/data-layer.ts),
 * loaded only when someone's data is to be shown: TanStack Query and that
 * machinery (16 kB gzipped, by `npm run bench`) stay off a visitor's sign-in
 * page, whose first wave Lighthouse's LCP counts. main.tsx says how to start it.
 */
let start: (() => Promise<QueryClient>) | undefined
let started: Promise<QueryClient> | undefined
let client: QueryClient | undefined

export function provideQueryClient(starter: () => Promise<QueryClient>): void {
  start = starter
}

/** The client, started on first call; a start that failed (its chunk did not arrive) is tried again by the next call. */
export function sharedQueryClient(): Promise<QueryClient> {
  if (!start) return Promise.reject(new Error('main.tsx provides no QueryClient'))
  started ??= start().then(
    (started) => (client = started),
    (error: unknown) => {
      started = undefined
      throw error
    },
  )
  return started
}

/** The client if it has started, for what only asks about it (is a write in flight?). */
export const startedQueryClient = (): QueryClient | undefined => client

/**
 * Gives `children` the page's client: the one already provided above (a test's,
 * or an enclosing scope's), else the shared one, waiting for it only if it has
 * not started yet (the routes that need it start it before they render).
 */
export function WithQueryClient({
  children,
  fallback = null,
}: {
  children: ReactNode
  /** What shows while the client's code arrives. */
  fallback?: ReactNode
}) {
  if (useContext(QueryClientContext)) return children
  return (
    <Suspense fallback={fallback}>
      <SharedClient>{children}</SharedClient>
    </Suspense>
  )
}

function SharedClient({ children }: { children: ReactNode }) {
  const shared = client ?? use(sharedQueryClient())
  return <QueryClientProvider client={shared}>{children}</QueryClientProvider>
}
