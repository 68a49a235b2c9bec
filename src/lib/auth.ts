/**
 * The only module that calls Amplify. Placeholder with the final interface
 * until the sign-in feature lands.
 */

/** Why a session ended without the user asking: shown on the sign-in screen. */
export type SessionEndReason = 'expired' | 'revoked' | 'signed-out-elsewhere' | 'api-unauthorized'

/**
 * The current IdToken (Amplify refreshes it when it is near expiry), or
 * undefined when nobody is signed in or the refresh failed.
 */
export async function getIdToken(
  _options: { forceRefresh?: boolean } = {},
): Promise<string | undefined> {
  return undefined
}

/**
 * Called when the API keeps refusing the session: ends it here and sends the
 * user to sign-in, keeping the page they were on.
 */
export function reportSessionExpired(_reason: SessionEndReason): void {}
