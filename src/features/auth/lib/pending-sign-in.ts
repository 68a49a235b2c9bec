/**
 * The password an unconfirmed user just typed on the sign-in form, held in
 * memory only (never stored) so that confirming the account signs them in
 * without typing it again. Cleared as soon as it is used or the page unloads.
 */
let pending: { email: string; password: string } | undefined

export function holdPasswordForConfirmation(email: string, password: string): void {
  pending = { email, password }
}

export function takeHeldPassword(email: string): string | undefined {
  const held = pending?.email === email ? pending.password : undefined
  pending = undefined
  return held
}
