/**
 * Sign-in through the pool's domain: VITE_OAUTH_DOMAIN and VITE_OAUTH_PROVIDERS,
 * read when first needed (by Amplify's configuration, the providers' buttons,
 * the account page), not with every page's settings in env.ts: a returning
 * user's first screen needs none of it. The build checks them (vite.config.ts).
 */

/**
 * An identity provider the pool offers through its domain, by the name the
 * pool gave it (Cognito's `identity_provider`): Google, SignInWithApple,
 * Facebook, LoginWithAmazon, or a SAML or OIDC provider's own name.
 */
export interface OAuthProvider {
  name: string
  /** Google, Apple, Facebook and Amazon have buttons of their own; any other is "custom". */
  kind: 'Google' | 'Apple' | 'Facebook' | 'Amazon' | 'custom'
}

/** Sign-in through the pool's domain (managed login), with these providers. */
export interface OAuthSettings {
  /** Host and path without a scheme, as Amplify wants it: Amplify always calls it over https. */
  domain: string
  providers: OAuthProvider[]
  /** Where Cognito sends the browser back: this app's callback page, and its sign-in page after /logout. */
  redirectSignIn: string
  redirectSignOut: string
}

/** The pool's names for the providers Amplify has buttons for. */
const KNOWN_PROVIDERS: Record<string, OAuthProvider['kind']> = {
  Google: 'Google',
  SignInWithApple: 'Apple',
  Facebook: 'Facebook',
  LoginWithAmazon: 'Amazon',
}

/** What a provider's button and the account page call it: brands by their own name, others by the pool's. */
export const providerLabel = (provider: OAuthProvider) =>
  provider.kind === 'custom' ? provider.name : provider.kind

/** A provider by the pool's name for it. */
export const oauthProvider = (name: string): OAuthProvider => ({
  name,
  kind: KNOWN_PROVIDERS[name] ?? 'custom',
})

/** The names in a comma-separated list, once each. */
const providerNames = (list: string | undefined) => [
  ...new Set(
    (list ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  ),
]

/**
 * The settings as the browser uses them. A domain given as a path means "on
 * this app's origin" (the emulator in local mode), as for VITE_COGNITO_ENDPOINT.
 * The build has checked them (checkOAuthSettings).
 */
export function parseOAuthSettings(
  domain: string | undefined,
  providerList: string | undefined,
  /** None when the build prerenders a page, which calls no one. */
  origin = '',
): OAuthSettings | undefined {
  domain = domain?.trim()
  if (!domain) return undefined
  return {
    domain: (domain.startsWith('/') && origin ? new URL(origin).host + domain : domain).replace(
      /\/+$/,
      '',
    ),
    providers: providerNames(providerList).map(oauthProvider),
    // The pages the app client's CallbackURLs and LogoutURLs must list (src/config/paths.ts has them).
    redirectSignIn: `${origin}/oauth/callback`,
    redirectSignOut: `${origin}/sign-in`,
  }
}

/** What a build refuses: a provider without a domain, a domain without a provider, a scheme. */
export function checkOAuthSettings(domain: string | undefined, providerList: string | undefined) {
  domain = domain?.trim()
  const names = providerNames(providerList)
  if (!domain && names.length > 0) {
    throw new Error('VITE_OAUTH_PROVIDERS is set without VITE_OAUTH_DOMAIN, the pool’s domain.')
  }
  if (domain && names.length === 0) {
    throw new Error(
      'VITE_OAUTH_DOMAIN is set but VITE_OAUTH_PROVIDERS lists no provider (e.g. Google).',
    )
  }
  if (domain && /^[a-z]+:/i.test(domain)) {
    throw new Error(
      `VITE_OAUTH_DOMAIN "${domain}" has a scheme: give the domain alone, e.g. auth.example.com.`,
    )
  }
}

let settings: { value: OAuthSettings | undefined } | undefined

/** This build's settings, on this origin; undefined when the pool offers no providers here. */
export function oauthSettings(): OAuthSettings | undefined {
  settings ??= {
    value: parseOAuthSettings(
      import.meta.env.VITE_OAUTH_DOMAIN,
      import.meta.env.VITE_OAUTH_PROVIDERS,
      globalThis.location?.origin,
    ),
  }
  return settings.value
}
