/**
 * The signed-in session: the state the UI subscribes to, the IdToken the API
 * client sends, and what ends a session (Cognito refusing a refresh, the API
 * refusing the session, a sign-out here or in another tab). The sign-in,
 * sign-up and account calls the screens make are in `auth-calls.ts`.
 */
import '@/lib/auth-config'
import { fetchAuthSession, signOut } from 'aws-amplify/auth'
import { Hub } from 'aws-amplify/utils'
import { useSyncExternalStore } from 'react'

/** Why a session ended: shown on the sign-in screen. */
export type SessionEndReason =
  | 'expired'
  | 'revoked'
  | 'signed-out-elsewhere'
  | 'api-unauthorized'
  | 'signed-out'
  | 'account-deleted'

export type Session =
  | { status: 'checking' }
  | { status: 'signed-in'; email: string }
  | { status: 'signed-out'; reason?: SessionEndReason }

let session: Session = { status: 'checking' }
const listeners = new Set<() => void>()

function setSession(next: Session) {
  session = next
  for (const listener of listeners) listener()
}

let stopListening: (() => void) | undefined

function subscribe(listener: () => void) {
  listeners.add(listener)
  // The first to watch has the stored session read (and refreshed if due).
  if (listeners.size === 1) {
    stopListening = listenToAmplify()
    void checkSession()
  }
  return () => {
    listeners.delete(listener)
    // Nobody watches any more (the app was unmounted): what we knew goes stale,
    // so the next app to mount starts as a page load does, checking.
    if (listeners.size === 0) {
      stopListening?.()
      clearTimeout(refreshTimer)
      session = { status: 'checking' }
    }
  }
}

/** The session as the UI sees it; the first subscriber triggers the check of the stored one. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session)
}

// The refresh errors after which Amplify clears the tokens: the session is over.
const SESSION_REFUSED =
  /^(NotAuthorized|TokenRevoked|UserNotFound|PasswordResetRequired|UserNotConfirmed|RefreshTokenReuse)/

/** Amplify's auth events, this tab's and (relayed through localStorage) other tabs'. */
function listenToAmplify() {
  return Hub.listen(
    'auth',
    ({ payload, crossTab }) => {
      if (payload.event === 'tokenRefresh_failure') {
        const { name = '', message = '' } = payload.data?.error ?? {}
        // Only a refusal ends the session; Amplify keeps the tokens through network errors.
        if (!SESSION_REFUSED.test(name)) return
        endSession(/revoked|signed out|reuse/i.test(message) ? 'revoked' : 'expired')
      } else if (payload.event === 'signedOut') {
        // Amplify relays another tab's sign-in, sign-out and refresh (it watches its own
        // keys in localStorage). This tab's own sign-outs end the session where they're made.
        if (crossTab) endSession('signed-out-elsewhere')
      } else if (payload.event === 'signedIn' || payload.event === 'tokenRefresh') {
        void checkSession()
      }
    },
    { enableCrossTabEvents: true },
  )
}

function endSession(reason: SessionEndReason) {
  if (session.status === 'signed-out') return
  setSession({ status: 'signed-out', reason })
}

/** Reads the stored session (refreshing the tokens if due) into the session state. */
export async function checkSession(): Promise<void> {
  let tokens
  try {
    tokens = (await fetchAuthSession()).tokens
  } catch {
    // A refresh that failed for a passing reason (network, throttling): Amplify keeps
    // the tokens, so a signed-in user stays signed in and the next call tries again.
    if (session.status === 'signed-in') {
      scheduleRefresh(undefined, 30_000)
      return
    }
    tokens = undefined
  }
  const email = tokens?.idToken?.payload.email
  if (tokens && typeof email === 'string') {
    setSession({ status: 'signed-in', email })
    scheduleRefresh(tokens.accessToken.payload.exp)
  } else if (session.status === 'signed-in') {
    // The tokens went while we were signed in: Amplify clears them when Cognito
    // refuses a refresh, and its failure event may reach us after this check.
    endSession('expired')
  } else if (session.status !== 'signed-out') {
    setSession({ status: 'signed-out' })
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined
/** Refreshes a minute before the access token expires, so an idle page notices a revoked session. */
function scheduleRefresh(expiresAt: number | undefined, retryIn?: number) {
  clearTimeout(refreshTimer)
  if (!expiresAt && !retryIn) return
  const delay = retryIn ?? Math.max((expiresAt ?? 0) * 1000 - Date.now() - 60_000, 5_000)
  refreshTimer = setTimeout(() => void checkSession(), Math.min(delay, 2 ** 31 - 1))
}

/**
 * The current IdToken (Amplify refreshes it when it is near expiry), or
 * undefined when nobody is signed in or Cognito refused the refresh. Throws
 * when the refresh failed for a passing reason (no network, throttling): the
 * stored session is still there, so the caller reports a network failure
 * instead of ending it.
 */
export async function getIdToken(
  options: { forceRefresh?: boolean } = {},
): Promise<string | undefined> {
  try {
    const { tokens } = await fetchAuthSession({ forceRefresh: options.forceRefresh ?? false })
    return tokens?.idToken?.toString()
  } catch (error) {
    if (error instanceof Error && SESSION_REFUSED.test(error.name)) return undefined
    throw error
  }
}

/**
 * Called when the API keeps refusing the session: ends it here and sends the
 * user to sign-in (the route guard does), keeping the page they were on.
 */
export function reportSessionExpired(reason: SessionEndReason): void {
  endSession(reason)
  void signOutQuietly()
}

/** Signs this browser out without a word: for sessions that have already ended. */
export async function signOutQuietly(): Promise<void> {
  try {
    await signOut()
  } catch {
    // The local tokens are cleared even when Cognito can't be reached.
  }
}

/** Marks the session ended by something this tab did (its account was deleted). */
export function sessionEnded(reason: SessionEndReason): void {
  clearTimeout(refreshTimer)
  setSession({ status: 'signed-out', reason })
}

/** Signs out of this browser, or (everywhere) revokes every refresh token of the user. */
export async function signOutOf(scope: 'this-browser' | 'everywhere'): Promise<void> {
  try {
    await signOut({ global: scope === 'everywhere' })
  } catch (error) {
    // Signing out everywhere must reach Cognito; this browser's tokens are gone either way.
    if (scope === 'everywhere') throw error
  }
  sessionEnded('signed-out')
}
