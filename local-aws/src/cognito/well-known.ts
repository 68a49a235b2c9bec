/** The pool's public keys and OpenID configuration, as Cognito publishes them. */
import type { CognitoContext } from './context.ts'
import { ensureSigningKey } from './keys.ts'
import { issuerOf } from './tokens.ts'

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export async function handleWellKnown(
  userPoolId: string,
  file: 'jwks.json' | 'openid-configuration',
  ctx: CognitoContext,
): Promise<Response> {
  const pool = ctx.data.pools[userPoolId]
  if (!pool) return json({ message: `User pool ${userPoolId} does not exist.` }, 404)
  const issuer = issuerOf(ctx, pool.id)
  if (file === 'jwks.json') {
    const key = await ensureSigningKey(pool)
    return json({ keys: [key.publicJwk] })
  }
  return json({
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    // With a domain, its endpoints, which the emulator serves at its own base path.
    ...(pool.domain
      ? {
          authorization_endpoint: `${ctx.issuerBase}/oauth2/authorize`,
          token_endpoint: `${ctx.issuerBase}/oauth2/token`,
          userinfo_endpoint: `${ctx.issuerBase}/oauth2/userInfo`,
          end_session_endpoint: `${ctx.issuerBase}/logout`,
        }
      : {}),
  })
}
