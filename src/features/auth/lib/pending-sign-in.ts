/**
 * The password an unconfirmed user just typed on the sign-in form, held in
 * memory only (never stored) so that confirming the account signs them in
 * without typing it again. Cleared as soon as it is used, the page unloads or
 * a session ends (another user may be signing in next).
 */
import { onSessionEnd } from '@/lib/auth'

let pending: { email: string; password: string } | undefined
let clearedOnSessionEnd = false

export function holdPasswordForConfirmation(email: string, password: string): void {
  pending = { email, password }
  if (clearedOnSessionEnd) return
  clearedOnSessionEnd = true
  onSessionEnd(() => (pending = undefined))
}

export function takeHeldPassword(email: string): string | undefined {
  const held = pending?.email === email ? pending.password : undefined
  pending = undefined
  return held
}
