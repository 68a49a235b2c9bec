import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, type ReactNode } from 'react'
import { onSessionEnd } from '@/lib/auth'
import { LanguageProvider, type Language } from '@/lib/i18n'

export function AppProvider({
  children,
  queryClient,
  language,
}: {
  children: ReactNode
  /**
   * Tests pass their own, fresh for each test. The app passes none: the pages
   * that show someone's data get the shared one (src/lib/shared-query-client.tsx).
   */
  queryClient?: QueryClient
  /** Only for the build's prerendering; the app picks the user's. */
  language?: Language
}) {
  return (
    <LanguageProvider initial={language}>
      {queryClient ? <GivenClient client={queryClient}>{children}</GivenClient> : children}
    </LanguageProvider>
  )
}

function GivenClient({ client, children }: { client: QueryClient; children: ReactNode }) {
  // What one user saw must not reach the next one's first screen.
  useEffect(() => onSessionEnd(() => client.clear()), [client])
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}
