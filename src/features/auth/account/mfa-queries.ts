import { queryOptions } from '@tanstack/react-query'
import { env, type MfaPolicy } from '@/config/env'
import { getMfaPreference } from '@/lib/auth-calls'

export const mfaKeys = {
  all: ['mfa'] as const,
  policy: () => [...mfaKeys.all, 'policy'] as const,
  preference: () => [...mfaKeys.all, 'preference'] as const,
}

async function readPolicy(): Promise<MfaPolicy> {
  // Compile-time constant first, so a production build drops the local-mode module.
  if (import.meta.env.VITE_LOCAL_AWS === 'true' && env().localMode) {
    const { readLocalPoolMfa } = await import('../local-mode/local-pool-mfa')
    return readLocalPoolMfa()
  }
  return env().mfa
}

/** How the pool does MFA: from the settings, or in local mode from the emulator. */
export const mfaPolicyQuery = () =>
  queryOptions({ queryKey: mfaKeys.policy(), queryFn: readPolicy, staleTime: 0 })

/** The signed-in user's factors and preferred one (Cognito's GetUser). */
export const mfaPreferenceQuery = () =>
  queryOptions({ queryKey: mfaKeys.preference(), queryFn: getMfaPreference, staleTime: 0 })
