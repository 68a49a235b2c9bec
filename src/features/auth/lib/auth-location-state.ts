import type { SessionEndReason } from '@/lib/auth'

/** What one auth screen hands the next through the router's location state (never in the URL). */
export interface AuthLocationState {
  email?: string
  /** Why the user is on the sign-in page without having asked. */
  reason?: SessionEndReason
  /** A step that just succeeded, to say so on the next screen. */
  notice?: 'confirmed' | 'password-reset'
  /** Came from signing in as an unconfirmed user: a fresh code was just sent. */
  codeResent?: boolean
  /** An administrator reset the password: a code was e-mailed, a new password is due. */
  resetRequired?: boolean
}

export function readAuthState(state: unknown): AuthLocationState {
  if (typeof state !== 'object' || state === null) return {}
  const value = state as Record<string, unknown>
  return {
    email: typeof value.email === 'string' ? value.email : undefined,
    reason: typeof value.reason === 'string' ? (value.reason as SessionEndReason) : undefined,
    notice:
      value.notice === 'confirmed' || value.notice === 'password-reset' ? value.notice : undefined,
    codeResent: value.codeResent === true,
    resetRequired: value.resetRequired === true,
  }
}
