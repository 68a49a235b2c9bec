import { RouterProvider } from 'react-router-dom'
import { AppProvider } from '@/app/provider'
import type { createAppRouter } from '@/app/router'

/** The app around its router, which main.tsx creates before React renders. */
export function App({ router }: { router: Awaited<ReturnType<typeof createAppRouter>> }) {
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
