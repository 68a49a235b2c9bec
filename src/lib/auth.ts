/**
 * The signed-in session: the state the UI subscribes to, the IdToken the API
 * client sends, and what ends a session (Cognito refusing a refresh, the API
 * refusing the session, a sign-out here or in another tab). The sign-in,
 * sign-up and account calls the screens make are in `auth-calls.ts`.
 *
 * The first screen doesn't wait for Amplify: the stored session says who is
 * signed in, and while their IdToken is fresh the API client sends it as
 * stored (stored-session.ts). Amplify, which refreshes tokens, signs out and
 * relays other tabs' sign-ins and sign-outs, loads once that screen is up, or
 * at once when a refresh is due.
 */
import { useSyncExternalStore } from 'react'
import { isRefreshTokenKey, readStoredSession } from '@/lib/stored-session'

const loadAmplify = () => import('./amplify-session')

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

/** Read from storage when the first screen asks (see `current`), then kept up to date. */
let session: Session | undefined

/** What the stored session shows without asking Amplify; 'checking' when only Amplify can tell (a refresh is due). */
function sessionFromStorage(): Session {
  const stored = readStoredSession()
  if (!stored) return { status: 'signed-out' }
  if (stored.freshIdToken && stored.email) return { status: 'signed-in', email: stored.email }
  return { status: 'checking' }
}

const current = (): Session => (session ??= sessionFromStorage())

const listeners = new Set<() => void>()

function setSession(next: Session) {
  session = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (listeners.size === 1) startWatching()
  return () => {
    listeners.delete(listener)
    // Nobody watches any more (the app was unmounted): what we knew goes stale,
    // so the next app to mount starts as a page load does, from storage.
    if (listeners.size === 0) {
      stopWatching()
      clearTimeout(refreshTimer)
      session = undefined
    }
  }
}

/**
 * What the build's prerendered pages show (nobody is signed in there), and so
 * what a page hydrating them first renders, before the stored session.
 */
const PRERENDERED: Session = { status: 'signed-out' }

/** The session as the UI sees it; the first subscriber has Amplify confirm the stored one. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, current, () => PRERENDERED)
}

// The refresh errors after which Amplify clears the tokens: the session is over.
const SESSION_REFUSED =
  /^(NotAuthorized|TokenRevoked|UserNotFound|PasswordResetRequired|UserNotConfirmed|RefreshTokenReuse)/

/** While the UI watches: how to stop what watching started. */
let watching: { stopBridge: () => void; cancelCheck?: () => void; stopHub?: () => void } | undefined

/**
 * Has Amplify confirm the stored session (refreshing it if due) and relay what
 * changes it: at once when only Amplify can tell who is signed in, otherwise
 * once the screen drawn from storage is up. Until Amplify listens, another
 * tab's sign-in or sign-out reaches this one as the storage event Amplify relays.
 */
function startWatching() {
  const onStorage = (event: StorageEvent) => {
    if (!isRefreshTokenKey(event.key)) return
    if (!event.newValue) endSession('signed-out-elsewhere')
    else if (!event.oldValue) void checkSession()
  }
  addEventListener('storage', onStorage)
  watching = { stopBridge: () => removeEventListener('storage', onStorage) }
  if (current().status === 'checking') void checkSession()
  else watching.cancelCheck = whenIdle(() => void checkSession())
}

function stopWatching() {
  watching?.stopBridge()
  watching?.cancelCheck?.()
  watching?.stopHub?.()
  watching = undefined
}

/** Amplify, listened to from its first use while the UI watches the session. */
async function amplify() {
  const module = await loadAmplify()
  if (watching && !watching.stopHub) {
    watching.stopBridge()
    watching.stopHub = listenToAmplify(module.Hub)
  }
  return module
}

/** Runs `task` when the browser is next idle (at the latest after a second); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in globalThis) {
    const id = requestIdleCallback(task, { timeout: 1_000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(task, 200)
  return () => clearTimeout(id)
}

type AmplifySession = Awaited<ReturnType<typeof loadAmplify>>

/** Amplify's auth events, this tab's and (relayed through localStorage) other tabs'. */
function listenToAmplify(Hub: AmplifySession['Hub']) {
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

/** Counts the sessions ended here, so that a check begun before one ended can't bring it back. */
let endings = 0

function endSession(reason: SessionEndReason) {
  if (current().status === 'signed-out') return
  endings += 1
  setSession({ status: 'signed-out', reason })
}

/** Reads the stored session (refreshing the tokens if due) into the session state. */
export async function checkSession(): Promise<void> {
  const endingsBefore = endings
  let tokens
  try {
    tokens = (await (await amplify()).fetchAuthSession()).tokens
  } catch {
    // A refresh that failed for a passing reason (network, throttling): Amplify keeps
    // the tokens, so a signed-in user stays signed in and the next call tries again.
    if (current().status === 'signed-in') {
      scheduleRefresh(undefined, 30_000)
      return
    }
    tokens = undefined
  }
  // The session ended while Amplify answered (the tokens it read are being cleared).
  if (endings !== endingsBefore) return
  const email = tokens?.idToken?.payload.email
  const now = current()
  if (tokens && typeof email === 'string') {
    // Usually what the stored session already showed: nothing to redraw.
    if (now.status !== 'signed-in' || now.email !== email)
      setSession({ status: 'signed-in', email })
    scheduleRefresh(tokens.accessToken.payload.exp)
  } else if (now.status === 'signed-in') {
    // The tokens went while we were signed in: Amplify clears them when Cognito
    // refuses a refresh, and its failure event may reach us after this check.
    endSession('expired')
  } else if (now.status !== 'signed-out') {
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
 * instead of ending it. A fresh stored token is the one Amplify would return:
 * it is sent without waiting for Amplify to load.
 */
export async function getIdToken(
  options: { forceRefresh?: boolean } = {},
): Promise<string | undefined> {
  const forceRefresh = options.forceRefresh ?? false
  const stored = forceRefresh ? undefined : readStoredSession()?.freshIdToken
  if (stored) return stored
  try {
    const { tokens } = await (await amplify()).fetchAuthSession({ forceRefresh })
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
    await (await amplify()).signOut()
  } catch {
    // The local tokens are cleared even when Cognito can't be reached.
  }
}

/** Marks the session ended by something this tab did (its account was deleted). */
export function sessionEnded(reason: SessionEndReason): void {
  clearTimeout(refreshTimer)
  endings += 1
  setSession({ status: 'signed-out', reason })
}

/** Signs out of this browser, or (everywhere) revokes every refresh token of the user. */
export async function signOutOf(scope: 'this-browser' | 'everywhere'): Promise<void> {
  try {
    await (await amplify()).signOut({ global: scope === 'everywhere' })
  } catch (error) {
    // Signing out everywhere must reach Cognito; this browser's tokens are gone either way.
    if (scope === 'everywhere') throw error
  }
  sessionEnded('signed-out')
}
