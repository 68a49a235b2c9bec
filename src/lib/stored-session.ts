/**
 * The session Amplify stored, read straight from its documented localStorage
 * keys, without loading Amplify. The first screen needs only this: who is
 * signed in and whether their IdToken is good for a while yet. Amplify itself
 * (refreshes, sign-out, other tabs' events) loads after that screen is up
 * (auth.ts), and the list's early GET (early-list-request.ts) sends this token.
 */
import { decodeJWT } from '@aws-amplify/core/internals/utils'
import { env } from '@/config/env'

/**
 * Margin on the IdToken's expiry. Amplify refreshes only tokens about to
 * expire, so while this much is left it would hand out this very token: reading
 * it here gives the same answer as asking Amplify, without waiting for it.
 */
const MIN_VALIDITY_MS = 60_000

const keyPrefix = () => `CognitoIdentityServiceProvider.${env().userPoolClientId}`

/** Whether `key` is a stored refresh token: Amplify writes it at sign-in and removes it at sign-out. */
export const isRefreshTokenKey = (key: string | null) =>
  key !== null && key.startsWith(`${keyPrefix()}.`) && key.endsWith('.refreshToken')

export interface StoredSession {
  email: string | undefined
  /** The IdToken, while it and the access token have more than MIN_VALIDITY_MS left; undefined when a refresh is due. */
  freshIdToken: string | undefined
  /**
   * When, by this browser's clock, the refresh falls due: MIN_VALIDITY_MS before
   * the first token expires by Cognito's, allowing for the clock drift Amplify
   * measured (a device clock behind Cognito's would otherwise refresh late).
   */
  refreshDueAt: number | undefined
}

/** The stored IdToken of the last user Amplify signed in, due for a refresh or not. */
export function readStoredIdToken(): string | undefined {
  try {
    const user = localStorage.getItem(`${keyPrefix()}.LastAuthUser`)
    return (user && localStorage.getItem(`${keyPrefix()}.${user}.idToken`)) || undefined
  } catch {
    return undefined
  }
}

/** The stored session of the last user Amplify signed in, or undefined when there is none (or storage can't be read). */
export function readStoredSession(): StoredSession | undefined {
  try {
    const prefix = keyPrefix()
    const user = localStorage.getItem(`${prefix}.LastAuthUser`)
    if (!user) return undefined
    const accessToken = localStorage.getItem(`${prefix}.${user}.accessToken`)
    // Amplify has no session without an access token (its TokenStore.loadTokens).
    if (!accessToken) return undefined
    const idToken = localStorage.getItem(`${prefix}.${user}.idToken`)
    if (!idToken) return { email: undefined, freshIdToken: undefined, refreshDueAt: undefined }
    const drift = Number(localStorage.getItem(`${prefix}.${user}.clockDrift`) ?? 0) || 0
    const { exp: idExpiry, email } = decodeJWT(idToken).payload
    const accessExpiry = decodeJWT(accessToken).payload.exp
    // Amplify refreshes when either token is about to expire: so must we.
    const expiresAt = Math.min(idExpiry ?? 0, accessExpiry ?? 0) * 1000
    const refreshDueAt = expiresAt - drift - MIN_VALIDITY_MS
    return {
      email: typeof email === 'string' ? email : undefined,
      freshIdToken: Date.now() < refreshDueAt ? idToken : undefined,
      refreshDueAt,
    }
  } catch {
    // Storage disabled, a malformed token: Amplify, once loaded, has the last word.
    return { email: undefined, freshIdToken: undefined, refreshDueAt: undefined }
  }
}
