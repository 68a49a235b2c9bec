/**
 * The session: its states, every move between them, and what an ending
 * clears. The UI only reads it (`useSession`); the API client takes its IdToken
 * from here. The sign-in, sign-up and account calls the screens make are in
 * `auth-calls.ts`.
 *
 * The first screen doesn't wait for Amplify: the stored session says who is
 * signed in, and while their IdToken is fresh the API client sends it as
 * stored (stored-session.ts). Amplify, which refreshes tokens, signs out and
 * relays other tabs' sign-ins and sign-outs, loads when first needed: a
 * refresh due (at load, or a minute before the token expires) or a sign-out.
 * Until then, other tabs' sign-ins and sign-outs arrive as storage events.
 *
 * Only Cognito's refusal ends a session, at page load as later: when Cognito
 * can't be reached the session is kept, and tried again.
 */
import { useSyncExternalStore } from 'react'
import { isRefreshTokenKey, readStoredSession } from '@/lib/stored-session'

const loadAmplify = () =>
  import('./amplify-session').then((module) => {
    module.configureAmplify()
    return module
  })

/** Why a session ended: shown on the sign-in screen. */
export type SessionEndReason =
  | 'signed-out'
  | 'expired'
  /** Its refresh token was revoked: a sign-out of every device, by the user or an administrator. */
  | 'revoked'
  | 'signed-out-elsewhere'
  /** An administrator disabled the account. */
  | 'disabled'
  | 'account-deleted'
  | 'api-unauthorized'

export type Session =
  /** Nobody has signed in in this browser, or the last one's tokens are gone. */
  | { status: 'nobody' }
  /** Signed in, with a token good for a while yet. */
  | { status: 'signed-in'; email: string }
  /** Tokens are stored but need a refresh before anyone can tell who is signed in. */
  | { status: 'refresh-due' }
  /** A refresh is due and Cognito can't be reached: the session is kept, and tried again. */
  | { status: 'unreachable' }
  | { status: 'ended'; reason: SessionEndReason }

/** Read from storage when the first screen asks (see `current`), then kept up to date. */
let session: Session | undefined

function sessionFromStorage(): Session {
  const stored = readStoredSession()
  lastUser = stored?.email
  if (!stored) return { status: 'nobody' }
  if (stored.freshIdToken && stored.email) return { status: 'signed-in', email: stored.email }
  return { status: 'refresh-due' }
}

const current = (): Session => (session ??= sessionFromStorage())

const listeners = new Set<() => void>()

function setSession(next: Session) {
  if (next.status === 'ended' || (next.status === 'signed-in' && next.email !== lastUser)) {
    clearUserData()
  }
  if (next.status === 'signed-in') {
    lastUser = next.email
    forgetEnding()
  }
  session = next
  for (const listener of listeners) listener()
}

/** Whose data this page holds: a different user signing in clears it even if no ending was seen. */
let lastUser: string | undefined

/**
 * What holds per-user data (the query cache, a held password…), to be cleared
 * at every ending. Not the device keys Amplify stores for this browser
 * (devices.ts): they are the browser's, kept across sign-outs as Amplify
 * intends, so that a remembered browser's next sign-in skips the MFA code.
 * A clearer must never remove them, nor Amplify's storage wholesale.
 */
const clearers = new Set<(owner: string | undefined) => void>()

/**
 * Has `clear` run whenever a session ends or another user signs in, before
 * the screen that follows renders, with the user whose data it was. Returns
 * the unsubscribe.
 */
export function onSessionEnd(clear: (owner: string | undefined) => void): () => void {
  clearers.add(clear)
  return () => clearers.delete(clear)
}

function clearUserData() {
  for (const clear of clearers) clear(lastUser)
}

/**
 * Whose data this page may hold and keep: the signed-in user, or the one whose
 * stored session awaits its refresh; undefined when nobody's session is going.
 */
export function dataOwner(): string | undefined {
  const { status } = current()
  return status === 'nobody' || status === 'ended' ? undefined : lastUser
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
      lastUser = undefined
      endedHere = undefined
    }
  }
}

/**
 * What the build's prerendered pages show (nobody is signed in there), and so
 * what a page hydrating them first renders, before the stored session.
 */
const PRERENDERED: Session = { status: 'nobody' }

/** The session as the UI sees it; the first subscriber has Amplify confirm the stored one. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, current, () => PRERENDERED)
}

// The refresh errors after which Amplify clears the tokens: the session is over.
const SESSION_REFUSED =
  /^(NotAuthorized|TokenRevoked|UserNotFound|PasswordResetRequired|UserNotConfirmed|RefreshTokenReuse)/

/** Why Cognito refused a refresh, from its error; undefined when it didn't refuse (no network…). */
function refusal(error: unknown): SessionEndReason | undefined {
  if (!(error instanceof Error) || !SESSION_REFUSED.test(error.name)) return undefined
  // Cognito says "User is disabled." and "Refresh Token has been revoked" (a global sign-out).
  if (/disabled/i.test(error.message)) return 'disabled'
  if (/revoked|reuse/i.test(error.message) || error.name.startsWith('TokenRevoked'))
    return 'revoked'
  return 'expired'
}

/** While the UI watches: how to stop what watching started. */
let watching:
  | {
      stopBridge: () => void
      stopRetry: () => void
      stopHub?: () => void
    }
  | undefined

/**
 * Has Amplify confirm the stored session (refreshing it if due) and relay what
 * changes it: at once when only Amplify can tell who is signed in, otherwise
 * a minute before the stored token expires. Until Amplify listens, another
 * tab's sign-in or sign-out reaches this one as the storage event Amplify relays.
 */
function startWatching() {
  const onStorage = (event: StorageEvent) => {
    if (!isRefreshTokenKey(event.key)) return
    if (!event.newValue) endSession('signed-out-elsewhere')
    else if (!event.oldValue) void checkSession()
  }
  // Back online while Cognito was out of reach: try at once rather than at the next retry.
  const onOnline = () => {
    if (current().status === 'unreachable') void checkSession()
  }
  addEventListener('storage', onStorage)
  addEventListener('online', onOnline)
  watching = {
    stopBridge: () => removeEventListener('storage', onStorage),
    stopRetry: () => removeEventListener('online', onOnline),
  }
  if (current().status === 'refresh-due') void checkSession()
  else if (current().status === 'signed-in') {
    // Amplify isn't needed while the stored token is fresh: it loads on first
    // use (a sign-out, a refresh) or a minute before the token expires.
    scheduleRefresh(readStoredSession()?.refreshDueAt)
  }
}

function stopWatching() {
  watching?.stopBridge()
  watching?.stopRetry()
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

type AmplifySession = Awaited<ReturnType<typeof loadAmplify>>

/** Amplify's auth events, this tab's and (relayed through localStorage) other tabs'. */
function listenToAmplify(Hub: AmplifySession['Hub']) {
  return Hub.listen(
    'auth',
    ({ payload, crossTab }) => {
      if (payload.event === 'tokenRefresh_failure') {
        // Amplify sends this before its refresh returns: a refusal ends the session
        // with Cognito's reason; through network errors Amplify keeps the tokens.
        const reason = refusal(payload.data?.error)
        if (reason) endSession(reason)
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

/** How many sessions have ended on this page: a caller can tell one ended while it waited. */
export const sessionEndings = () => endings

/** Ends the session for `reason`, clearing what the user saw; no-op when none is going. */
export function endSession(reason: SessionEndReason): void {
  const status = current().status
  if (status === 'nobody' || status === 'ended') return
  clearTimeout(refreshTimer)
  endings += 1
  rememberEnding(reason)
  setSession({ status: 'ended', reason })
}

const ENDED_KEY = 'session-ended'

/** Why a session ended, and for an ending the user didn't ask for, the page to come back to. */
export interface SessionEnding {
  reason?: SessionEndReason
  next?: string
}

/**
 * Keeps why the session ended for this tab's next page. Amplify ends a
 * session that began at the pool's domain through its /logout, which brings
 * the tab back to the sign-in page as a fresh page: without this, that page
 * would know neither the reason nor where the user was.
 */
function rememberEnding(reason: SessionEndReason) {
  const asked = reason === 'signed-out' || reason === 'account-deleted'
  const ending: SessionEnding = asked
    ? { reason }
    : { reason, next: `${location.pathname}${location.search}` }
  endedHere = ending
  try {
    sessionStorage.setItem(ENDED_KEY, JSON.stringify(ending))
  } catch {
    // Storage disabled: the sign-in page just won't say why.
  }
}

/** A sign-in: no later page of this tab takes its reason or its page from the ending before it. */
function forgetEnding() {
  try {
    sessionStorage.removeItem(ENDED_KEY)
  } catch {
    // Nothing was kept.
  }
}

/** This page's view of the last ending in this tab: read from storage once, then kept up to date. */
let endedHere: SessionEnding | undefined

/**
 * How the last session in this tab ended: what the sign-in page falls back on
 * when no in-page navigation brought it the reason and the page to return to.
 */
export function lastEnding(): SessionEnding {
  if (!endedHere) {
    try {
      const stored: unknown = JSON.parse(sessionStorage.getItem(ENDED_KEY) ?? '{}')
      endedHere = typeof stored === 'object' && stored !== null ? (stored as SessionEnding) : {}
    } catch {
      endedHere = {}
    }
  }
  return endedHere
}

/** Reads the stored session (refreshing the tokens if due) into the session state. */
export async function checkSession(): Promise<void> {
  const endingsBefore = endings
  let tokens
  try {
    tokens = (await (await amplify()).fetchAuthSession()).tokens
  } catch (error) {
    if (endings !== endingsBefore) return
    const reason = refusal(error)
    if (reason) return endSession(reason)
    // A passing failure (no network, throttling): Amplify keeps the tokens, so
    // the session stands and is tried again; until then, nobody can tell who it is.
    if (current().status === 'refresh-due') setSession({ status: 'unreachable' })
    scheduleRefresh(undefined, 30_000)
    return
  }
  // The session ended while Amplify answered (the tokens it read are being cleared).
  if (endings !== endingsBefore) return
  const email = tokens?.idToken?.payload.email
  const now = current()
  if (tokens && typeof email === 'string') {
    // Usually what the stored session already showed: nothing to redraw.
    if (now.status !== 'signed-in' || now.email !== email)
      setSession({ status: 'signed-in', email })
    scheduleRefresh(readStoredSession()?.refreshDueAt)
  } else if (now.status !== 'nobody' && now.status !== 'ended') {
    // The tokens went while a session was going: Amplify clears them when
    // Cognito refuses a refresh, and its failure event may reach us after this check.
    endSession('expired')
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined
/** Refreshes when the stored tokens fall due, so an idle page notices a revoked session. */
function scheduleRefresh(dueAt: number | undefined, retryIn?: number) {
  clearTimeout(refreshTimer)
  if (!dueAt && !retryIn) return
  const delay = retryIn ?? Math.max((dueAt ?? 0) - Date.now(), 5_000)
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
    if (refusal(error)) return undefined
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

/** Signs out of this browser, or (everywhere) revokes every refresh token of the user. */
export async function signOutOf(scope: 'this-browser' | 'everywhere'): Promise<void> {
  // Before Amplify's sign-out, which may leave for the pool's /logout.
  rememberEnding('signed-out')
  try {
    await (await amplify()).signOut({ global: scope === 'everywhere' })
  } catch (error) {
    // Signing out everywhere must reach Cognito; this browser's tokens are gone either way.
    if (scope === 'everywhere') throw error
  }
  endSession('signed-out')
}
