/** Who signed in through an identity provider, read from the stored IdToken (the account page). */
import { decodeJWT } from '@aws-amplify/core/internals/utils'
import { readStoredIdToken } from '@/lib/stored-session'

/**
 * The identity provider the signed-in user came through, when Cognito made
 * the user for it (user name `<provider>_<subject>`); undefined for the pool's
 * own users, a native user linked to a provider included: those have a password.
 */
export function storedFederatedProvider(): string | undefined {
  const idToken = readStoredIdToken()
  if (!idToken) return undefined
  const claims = decodeJWT(idToken).payload
  const identities = Array.isArray(claims.identities) ? claims.identities : []
  const username = String(claims['cognito:username'] ?? '')
  for (const identity of identities) {
    const name =
      identity && typeof identity === 'object' && !Array.isArray(identity) && identity.providerName
    if (typeof name === 'string' && username.startsWith(`${name}_`)) return name
  }
  return undefined
}
