import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { LanguageProvider } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'

export function AppProvider({
  children,
  queryClient,
}: {
  children: ReactNode
  /** The app passes the one its router's loaders use; tests pass their own, fresh for each test. */
  queryClient?: QueryClient
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <LanguageProvider>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </LanguageProvider>
  )
}
