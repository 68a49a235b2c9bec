/**
 * The only module the app calls Amplify through. It configures Amplify Auth
 * from `env`, keeps the session state the UI subscribes to, and wraps each
 * Cognito call the screens need. The sign-in and account-change calls live in
 * `auth-flows.ts`, loaded on first use, so returning users never download them. Errors are passed through as Amplify throws them (`name` is
 * Cognito's error type); the auth feature turns them into messages.
 */
import { Amplify } from 'aws-amplify'
import { fetchAuthSession, signOut } from 'aws-amplify/auth'
import { Hub } from 'aws-amplify/utils'
import { useSyncExternalStore } from 'react'
import { env, type AppEnv } from '@/config/env'

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

function subscribe(listener: () => void) {
  listeners.add(listener)
  // The first to watch has the stored session read (and refreshed if due).
  if (listeners.size === 1) void checkSession()
  return () => {
    listeners.delete(listener)
    // Nobody watches any more (the app was unmounted): what we knew goes stale,
    // so the next app to mount starts as a page load does, checking.
    if (listeners.size === 0) {
      clearTimeout(refreshTimer)
      session = { status: 'checking' }
    }
  }
}

/** The session as the UI sees it; the first subscriber triggers the check of the stored one. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session)
}

type AuthSettings = Pick<AppEnv, 'userPoolId' | 'userPoolClientId' | 'cognitoEndpoint' | 'authFlow'>
let settings: AuthSettings = env

/** Configures Amplify. Tests call it again to point at a misconfigured client. */
export function configureAuth(overrides: Partial<AuthSettings> = {}): void {
  settings = { ...env, ...overrides }
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: settings.userPoolId,
        userPoolClientId: settings.userPoolClientId,
        ...(settings.cognitoEndpoint ? { userPoolEndpoint: settings.cognitoEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: 'code',
      },
    },
  })
}
configureAuth()

/** False when Cognito says the configured pool doesn't exist; undefined when it can't tell. */
async function userPoolExists(): Promise<boolean | undefined> {
  const region = settings.userPoolId.split('_')[0]
  const endpoint = settings.cognitoEndpoint ?? `https://cognito-idp.${region}.amazonaws.com`
  try {
    const response = await fetch(`${endpoint}/${settings.userPoolId}/.well-known/jwks.json`)
    if (response.ok) return true
    return response.status === 404 || response.status === 400 ? false : undefined
  } catch {
    return undefined
  }
}

// The refresh errors after which Amplify clears the tokens: the session is over.
const SESSION_REFUSED =
  /^(NotAuthorized|TokenRevoked|UserNotFound|PasswordResetRequired|UserNotConfirmed|RefreshTokenReuse)/

// Set while this tab signs out, so Amplify's `signedOut` event isn't taken for another tab's.
let signingOut = false

Hub.listen('auth', ({ payload }) => {
  if (payload.event === 'tokenRefresh_failure') {
    const { name = '', message = '' } = payload.data?.error ?? {}
    // Only a refusal ends the session; Amplify keeps the tokens through network errors.
    if (!SESSION_REFUSED.test(name)) return
    endSession(/revoked|signed out|reuse/i.test(message) ? 'revoked' : 'expired')
  } else if (payload.event === 'signedOut' && !signingOut) {
    // Amplify relays another tab's sign-out through the storage event.
    endSession('signed-out-elsewhere')
  } else if (payload.event === 'signedIn' || payload.event === 'tokenRefresh') {
    void checkSession()
  }
})

// Another tab signing in or out adds or removes the refresh token in localStorage.
// Amplify relays this through Hub too; listening here as well doesn't depend on its internals.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  const prefix = `CognitoIdentityServiceProvider.${settings.userPoolClientId}.`
  if (!event.key?.startsWith(prefix) || !event.key.endsWith('.refreshToken')) return
  if (event.oldValue && !event.newValue) endSession('signed-out-elsewhere')
  else if (event.newValue && !event.oldValue) void checkSession()
})

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
 * undefined when nobody is signed in or the refresh failed.
 */
export async function getIdToken(
  options: { forceRefresh?: boolean } = {},
): Promise<string | undefined> {
  try {
    const { tokens } = await fetchAuthSession({ forceRefresh: options.forceRefresh ?? false })
    return tokens?.idToken?.toString()
  } catch {
    return undefined
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

async function signOutQuietly() {
  signingOut = true
  try {
    await signOut()
  } catch {
    // The local tokens are cleared even when Cognito can't be reached.
  } finally {
    signingOut = false
  }
}

const loadFlows = () => import('./auth-flows')

/** Starts loading the sign-in and account-change code; the auth routes call it with their chunk. */
export async function preloadAuthFlows(): Promise<void> {
  await loadFlows()
}

export type SignInResult = 'signed-in' | 'confirm-sign-up'

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const flows = await loadFlows()
  let step
  try {
    step = await flows.signInStep(email, password, settings.authFlow)
  } catch (error) {
    // Tokens left by a session this tab thought had ended: start afresh with the typed ones.
    if (error instanceof Error && error.name === 'UserAlreadyAuthenticatedException') {
      await signOutQuietly()
      return signInWithPassword(email, password)
    }
    // SRP with a wrong pool id fails like a wrong password: tell them apart by asking
    // whether the pool exists (its public keys are published without authentication).
    if (error instanceof Error && error.name === 'NotAuthorizedException') {
      if ((await userPoolExists()) === false) {
        throw Object.assign(new Error(`User pool ${settings.userPoolId} does not exist.`), {
          name: 'ResourceNotFoundException',
        })
      }
    }
    throw error
  }
  if (step === 'CONFIRM_SIGN_UP') return 'confirm-sign-up'
  if (step !== 'DONE') {
    throw Object.assign(new Error(`Unsupported sign-in step ${step}`), {
      name: 'UnsupportedSignInStep',
    })
  }
  await checkSession()
  return 'signed-in'
}

/** Creates the account; the code goes to the email. The password is kept only by Amplify, for autoSignIn. */
export async function signUpWithEmail(email: string, password: string): Promise<void> {
  await (await loadFlows()).signUpStep(email, password, settings.authFlow)
}

/** Confirms the code; 'signed-in' when Amplify could sign in with the password given at sign-up. */
export async function confirmSignUpCode(
  email: string,
  code: string,
): Promise<'signed-in' | 'confirmed'> {
  const flows = await loadFlows()
  if ((await flows.confirmSignUpStep(email, code)) !== 'COMPLETE_AUTO_SIGN_IN') return 'confirmed'
  const { nextStep } = await flows.autoSignIn()
  if (nextStep.signInStep !== 'DONE') return 'confirmed'
  await checkSession()
  return 'signed-in'
}

export async function resendConfirmationCode(email: string): Promise<void> {
  await (await loadFlows()).resendSignUpCode({ username: email })
}

export async function requestPasswordReset(email: string): Promise<void> {
  await (await loadFlows()).resetPassword({ username: email })
}

export async function confirmPasswordReset(email: string, code: string, newPassword: string) {
  await (
    await loadFlows()
  ).confirmResetPassword({ username: email, confirmationCode: code, newPassword })
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await (await loadFlows()).updatePassword({ oldPassword, newPassword })
}

export async function deleteAccount(): Promise<void> {
  await (await loadFlows()).deleteUser()
  setSession({ status: 'signed-out', reason: 'account-deleted' })
}

/** Signs out of this browser, or (everywhere) revokes every refresh token of the user. */
export async function signOutOf(scope: 'this-browser' | 'everywhere'): Promise<void> {
  signingOut = true
  try {
    await signOut({ global: scope === 'everywhere' })
  } catch (error) {
    // Signing out everywhere must reach Cognito; this browser's tokens are gone either way.
    if (scope === 'everywhere') throw error
  } finally {
    signingOut = false
  }
  clearTimeout(refreshTimer)
  setSession({ status: 'signed-out', reason: 'signed-out' })
}
