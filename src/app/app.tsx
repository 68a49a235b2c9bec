import type { QueryClient } from '@tanstack/react-query'
import { RouterProvider } from 'react-router-dom'
import { AppProvider } from '@/app/provider'
import type { createAppRouter } from '@/app/router'

/** The app around its router and query client, which main.tsx creates before React renders. */
export function App({
  queryClient,
  router,
}: {
  queryClient: QueryClient
  router: Awaited<ReturnType<typeof createAppRouter>>
}) {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
