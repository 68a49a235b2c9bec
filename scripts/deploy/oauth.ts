import { paths } from '../../src/config/paths.ts'
import { DeployError } from './errors.ts'

/** Sign-in with the pool's identity providers, through its domain (managed login). */
export interface OAuthSettings {
  /** VITE_OAUTH_DOMAIN: the pool's domain, without https://. */
  domain: string
  /** VITE_OAUTH_PROVIDERS: the providers' names on the pool, e.g. Google. */
  providers: string[]
}

/**
 * `npm run dev`'s address as Cognito accepts it in redirect URLs: plain http
 * only for localhost, for testing (not the 127.0.0.1 the dev server prints).
 */
export const DEV_ORIGIN = 'http://localhost:5173'

/** The settings, checked; null without a domain (the app then offers no providers). */
export function parseOAuth(
  domain: string | undefined,
  providers: string | undefined,
): OAuthSettings | null {
  const names = (providers ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (!domain) {
    if (names.length === 0) return null
    throw new DeployError(
      'VITE_OAUTH_PROVIDERS needs VITE_OAUTH_DOMAIN: pass --oauth-domain with the domain of the pool those providers are on.',
    )
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) {
    throw new DeployError(
      `VITE_OAUTH_DOMAIN=${domain} is not a domain: give the pool's domain without https:// or a path, e.g. auth.example.com.`,
    )
  }
  return { domain, providers: names }
}

/** The app client's redirect URLs for each origin the app is served on. */
export function redirectUrls(origins: string[]) {
  return {
    callbackUrls: origins.map((origin) => `${origin}${paths.oauthCallback}`),
    logoutUrls: origins.map((origin) => `${origin}${paths.signIn}`),
  }
}
