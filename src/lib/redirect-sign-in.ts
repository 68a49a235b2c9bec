/**
 * Sign-in through the pool's domain (managed login) and its identity
 * providers: Amplify's `signInWithRedirect`, with PKCE, and the end of it on
 * the callback page. Loaded only when someone presses a provider's button or
 * comes back to the callback page: a returning user never downloads it.
 */
import type { OAuthProvider } from '@/config/oauth-settings'
import { configureAmplify } from '@/lib/auth-config'

/** Amplify's own names for the providers it knows; any other goes as the pool named it. */
const amplifyProvider = (provider: OAuthProvider) =>
  provider.kind === 'custom' ? { custom: provider.name } : provider.kind

/**
 * Leaves for the provider's sign-in page. `next`, the page to come back to,
 * travels in OAuth's `state` (Amplify's customState), which Amplify checks on
 * the way back against the one it kept.
 */
export async function startRedirectSignIn(provider: OAuthProvider, next: string): Promise<void> {
  configureAmplify()
  const { signInWithRedirect } = await import('aws-amplify/auth')
  await signInWithRedirect({ provider: amplifyProvider(provider), customState: next })
}

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
  configureAmplify()
  const [{ Hub }, { fetchAuthSession }] = await Promise.all([
    import('aws-amplify/utils'),
    import('aws-amplify/auth'),
  ])
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
    // Listens from now on, and, Amplify being configured, finishes the sign-in under way.
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
