import { QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Focus refetches would add requests the user didn't ask for.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
