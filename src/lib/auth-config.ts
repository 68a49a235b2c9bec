/**
 * Amplify Auth, configured from the app's settings on first use: the loaders of
 * the lazy modules that call Amplify (amplify-session.ts for auth.ts,
 * auth-flows.ts for auth-calls.ts) and each call of passwordless.ts run
 * `configureAmplify()` before Amplify is asked anything. Importing configures nothing.
 *
 * Configured through `@aws-amplify/core` with the user-pool token provider
 * alone, as `aws-amplify`'s own `Amplify.configure` wrapper does by default
 * minus what this app never uses: the identity-pool credentials provider (no
 * identity pool: the API takes the IdToken) and cookie storage (no SSR), which
 * the wrapper bundles whether used or not. The token provider keeps its default
 * store, localStorage under Amplify's usual keys, with its cross-tab listener;
 * like the wrapper, we hand it the auth config it refreshes tokens with.
 */
import { Amplify, type ResourcesConfig } from '@aws-amplify/core'
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito'
import { env } from '@/config/env'
import { oauthSettings } from '@/config/oauth-settings'

/**
 * What a sign-in through the pool's domain asks for: the IdToken (openid,
 * email, profile) and an access token the account page can use
 * (aws.cognito.signin.user.admin: GetUser, sign-out everywhere, DeleteUser).
 * The app client must allow each (README: identity providers).
 */
export const OAUTH_SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'] as const

let configured = false

/** Configures Amplify Auth from the app's settings, the first time it is called. */
export function configureAmplify(): void {
  if (configured) return
  configured = true
  // Also for a sign-out: Amplify ends a managed-login session there (/logout).
  const oauth = oauthSettings()
  const auth: ResourcesConfig['Auth'] = {
    Cognito: {
      userPoolId: env().userPoolId,
      userPoolClientId: env().userPoolClientId,
      ...(env().cognitoEndpoint ? { userPoolEndpoint: env().cognitoEndpoint } : {}),
      loginWith: {
        email: true,
        ...(oauth
          ? {
              oauth: {
                domain: oauth.domain,
                scopes: [...OAUTH_SCOPES],
                redirectSignIn: [oauth.redirectSignIn],
                redirectSignOut: [oauth.redirectSignOut],
                responseType: 'code' as const,
              },
            }
          : {}),
      },
      signUpVerificationMethod: 'code',
    },
  }
  cognitoUserPoolsTokenProvider.setAuthConfig(auth)
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } })
}
