/**
 * The end of a sign-in through the pool's domain (managed login), on the
 * callback page, which alone loads it (redirect-sign-in-start.ts leaves).
 */
import { fetchAuthSession } from 'aws-amplify/auth'
import { Hub } from 'aws-amplify/utils'
import { configureAmplify } from '@/lib/auth-config'

export type RedirectOutcome =
  | { status: 'signed-in'; next: string | undefined }
  /** Cognito or the provider sent an error back, or Amplify refused what came back. */
  | { status: 'failed'; error: { name: string; message: string } }
  /** No sign-in was under way here: the page was opened again, or from elsewhere. */
  | { status: 'none' }

/**
 * Finishes a sign-in the provider sent the browser back from: Amplify checks
 * the `state`, trades the code (and the PKCE verifier) for tokens and stores
 * them, for the session to read (checkSession) as after a password sign-in.
 */
export async function finishRedirectSignIn(): Promise<RedirectOutcome> {
  let next: string | undefined
  let failure: { name: string; message: string } | undefined
  const stop = Hub.listen('auth', ({ payload }) => {
    if (payload.event === 'customOAuthState') next = payload.data
    if (payload.event === 'signInWithRedirect_failure') {
      const error = payload.data?.error
      failure = { name: error?.name ?? 'OAuthSignInException', message: error?.message ?? '' }
    }
  })
  try {
    // Only now: Amplify finishes the sign-in under way as soon as it is configured (if its
    // listener has loaded with its other modules) or its listener loads, and a failure
    // that needs no network (a cancel, a forged state) is reported at once.
    configureAmplify()
    await import('aws-amplify/auth/enable-oauth-listener')
    // Waits for that sign-in to end, either way.
    const { tokens } = await fetchAuthSession()
    // Amplify reports a failure just after it lets the waiting calls go (in the
    // same turn of the event loop); a timer's turn comes after it.
    await new Promise((resolve) => setTimeout(resolve))
    if (failure) return { status: 'failed', error: failure }
    if (!tokens) return { status: 'none' }
  } finally {
    stop()
  }
  return { status: 'signed-in', next }
}
