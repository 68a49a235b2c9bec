/**
 * What API Gateway's Cognito user pool authorizer does for /projects: only an
 * unexpired IdToken of this pool gets through, and when the authorizer names
 * app clients (as the /projects API's does: the app's own), only one issued to
 * one of them.
 */
import type { CognitoContext } from './context.ts'
import { decodeJwt } from 'jose'
import { issuerOf, verifyPoolJwt } from './tokens.ts'

export type ApiTokenResult =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; message: 'Unauthorized' | 'The incoming token has expired' }

export async function verifyApiToken(
  token: string | null,
  ctx: CognitoContext,
  authorizer: { userPoolId: string; clientIds?: readonly string[] },
): Promise<ApiTokenResult> {
  const unauthorized = { ok: false, message: 'Unauthorized' } as const
  if (!token) return unauthorized
  // A token from elsewhere is refused as such, even when it has also expired.
  if (issuerClaim(token) !== issuerOf(ctx, authorizer.userPoolId)) return unauthorized
  const result = await verifyPoolJwt(ctx, token)
  if (!result.ok)
    return result.reason === 'expired'
      ? { ok: false, message: 'The incoming token has expired' }
      : unauthorized
  const { pool, claims } = result
  if (pool.id !== authorizer.userPoolId || claims.token_use !== 'id') return unauthorized
  if (typeof claims.aud !== 'string' || !pool.clients[claims.aud]) return unauthorized
  if (authorizer.clientIds && !authorizer.clientIds.includes(claims.aud)) return unauthorized
  return { ok: true, claims: { ...claims } }
}

function issuerClaim(token: string): unknown {
  try {
    return decodeJwt(token).iss
  } catch {
    return undefined
  }
}
