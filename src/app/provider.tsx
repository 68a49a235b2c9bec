import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { LanguageProvider, type Language } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'

export function AppProvider({
  children,
  queryClient,
  language,
}: {
  children: ReactNode
  /** The app passes the one its router's loaders use; tests pass their own, fresh for each test. */
  queryClient?: QueryClient
  /** Only for the build's prerendering; the app picks the user's. */
  language?: Language
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <LanguageProvider initial={language}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </LanguageProvider>
  )
}
