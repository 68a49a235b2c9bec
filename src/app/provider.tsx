import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { onSessionEnd } from '@/lib/auth'
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
  // What one user saw must not reach the next one's first screen.
  useEffect(() => onSessionEnd(() => client.clear()), [client])
  return (
    <LanguageProvider initial={language}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </LanguageProvider>
  )
}
