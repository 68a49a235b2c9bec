/**
 * VITE_SIGN_IN_METHODS, read by the app (env.ts) and by the build, which
 * writes the documents of the screens this setting picks (build/route-documents.ts).
 */

/** The first factors the pool allows, as VITE_SIGN_IN_METHODS names them. */
export type SignInMethod = 'passkey' | 'email-code' | 'password'
const SIGN_IN_METHODS: SignInMethod[] = ['passkey', 'email-code', 'password']

/** The methods a VITE_SIGN_IN_METHODS value lists, in a fixed order; throws on a wrong one. */
export function parseSignInMethods(value: string | undefined): SignInMethod[] {
  const methods = (value?.trim() || 'password')
    .split(',')
    .map((m) => m.trim().toLowerCase())
    .filter(Boolean)
  const unknownMethod = methods.find((m) => !SIGN_IN_METHODS.includes(m as SignInMethod))
  if (unknownMethod !== undefined || methods.length === 0) {
    throw new Error(
      `VITE_SIGN_IN_METHODS lists ${SIGN_IN_METHODS.join(', ')} (comma-separated), not "${unknownMethod ?? ''}".`,
    )
  }
  if (methods.length === 1 && methods[0] === 'passkey') {
    // A new user needs a first way in before they can add a passkey.
    throw new Error('VITE_SIGN_IN_METHODS needs email-code or password besides passkey.')
  }
  return SIGN_IN_METHODS.filter((m) => methods.includes(m))
}

/** True when the app signs in with USER_AUTH: the pool allows more than passwords. */
export const passwordless = (settings: { signInMethods: SignInMethod[] }) =>
  settings.signInMethods.some((m) => m !== 'password')
