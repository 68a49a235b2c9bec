import { RouterProvider } from 'react-router-dom'
import { AppProvider } from '@/app/provider'
import { createAppRouter } from '@/app/router'
import { createQueryClient } from '@/lib/query-client'

// Created with the module, not in a component: the router starts loading the
// first route (code and data) as soon as the main chunk runs, before React renders.
const queryClient = createQueryClient()
const router = createAppRouter(queryClient)

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
