import { QueryClient } from '@tanstack/react-query'
import { configure, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect, useState, type ReactNode } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import { signInTestUser, type TestUser } from './auth.ts'

// Real SRP arithmetic runs in these tests: on a busy machine a step can take over a second.
configure({ asyncUtilTimeout: 5000 })

/** Renders its children once the test user is signed in. */
function AfterSignIn({ ready, children }: { ready: Promise<unknown>; children: ReactNode }) {
  const [done, setDone] = useState(false)
  useEffect(() => {
    let mounted = true
    void ready.then(() => mounted && setDone(true))
    return () => {
      mounted = false
    }
  }, [ready])
  return done ? children : null
}

/**
 * Renders the whole app (providers, router, lazy routes) at `route`, with a
 * fresh QueryClient that doesn't retry, as a user would meet it. Every render
 * starts like a page load (once the previous one is unmounted): the session
 * is read from storage again.
 * `signedIn` first signs a fresh (or the given) confirmed user in; the app
 * appears once that is done, so find things with `await screen.find…`.
 * `queryClient` is one the test prepared, as main.tsx prepares the page's.
 */
export function renderApp({
  route = '/',
  signedIn,
  queryClient = testQueryClient(),
}: { route?: string; signedIn?: boolean | Partial<TestUser>; queryClient?: QueryClient } = {}) {
  const router = createMemoryRouter(
    createRoutes(async () => queryClient),
    { initialEntries: [route] },
  )
  const user = userEvent.setup()
  const signedInUser: Promise<TestUser | undefined> = signedIn
    ? signInTestUser(signedIn === true ? {} : signedIn)
    : Promise.resolve(undefined)
  const app = (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
  const result = render(signedIn ? <AfterSignIn ready={signedInUser}>{app}</AfterSignIn> : app)
  return { ...result, user, router, queryClient, signedInUser }
}

/** A QueryClient that doesn't retry. */
export const testQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  })
