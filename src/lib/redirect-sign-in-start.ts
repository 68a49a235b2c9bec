/**
 * Sign-in through the pool's domain (managed login) and its identity
 * providers: Amplify's `signInWithRedirect`, with PKCE. Loaded when someone
 * presses a provider's button: a returning user never downloads it. Imported
 * by name, not as `import('aws-amplify/auth')`, whose whole namespace the
 * bundler would then keep, in a chunk Amplify's session code shares.
 */
import { signInWithRedirect } from 'aws-amplify/auth'
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
  await signInWithRedirect({ provider: amplifyProvider(provider), customState: next })
}
