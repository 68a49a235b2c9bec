/**
 * A signed-in user's passkeys: StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration, ListWebAuthnCredentials and
 * DeleteWebAuthnCredential, each with the user's AccessToken.
 */
import { str, type Body, type CognitoContext } from './context.ts'
import { resourceNotFound, invalidParameter } from './errors.ts'
import { assertEssentials, assertFactorAllowed } from './sign-in-policy.ts'
import { verifyAccessToken } from './tokens.ts'
import { completeRegistration, credentialsOf, registrationOptions } from './webauthn.ts'

async function passkeyUser(body: Body, ctx: CognitoContext) {
  const signedIn = await verifyAccessToken(ctx, body.AccessToken)
  assertEssentials(signedIn.pool, 'Passkey sign-in')
  return signedIn
}

export async function startWebAuthnRegistration(body: Body, ctx: CognitoContext) {
  const { pool, user, session } = await passkeyUser(body, ctx)
  assertFactorAllowed(pool, 'WEB_AUTHN')
  const options = await registrationOptions(pool, user, session.clientId, ctx.now())
  ctx.log(`StartWebAuthnRegistration ${user.email}`)
  return { CredentialCreationOptions: options }
}

export async function completeWebAuthnRegistration(body: Body, ctx: CognitoContext) {
  const { pool, user, session } = await passkeyUser(body, ctx)
  assertFactorAllowed(pool, 'WEB_AUTHN')
  const stored = await completeRegistration(
    pool,
    user,
    session.clientId,
    body.Credential,
    ctx.now(),
  ).catch((error: unknown) => {
    ctx.log(`CompleteWebAuthnRegistration ${user.email}: refused`)
    throw error
  })
  user.updatedAt = ctx.now()
  ctx.log(`CompleteWebAuthnRegistration ${user.email}: passkey ${stored.id.slice(0, 8)}… added`)
  return {}
}

const PAGE_LIMIT = 20

export async function listWebAuthnCredentials(body: Body, ctx: CognitoContext) {
  const { user } = await passkeyUser(body, ctx)
  const max = body.MaxResults === undefined ? PAGE_LIMIT : Number(body.MaxResults)
  if (!Number.isInteger(max) || max < 1 || max > PAGE_LIMIT) {
    throw invalidParameter(`MaxResults must be between 1 and ${PAGE_LIMIT}`)
  }
  const all = credentialsOf(user)
  const token = str(body.NextToken)
  const start = token === undefined ? 0 : all.findIndex((c) => c.id === token)
  if (start < 0) throw invalidParameter('Invalid NextToken')
  const page = all.slice(start, start + max)
  const next = all[start + max]
  return {
    Credentials: page.map((c) => ({
      CredentialId: c.id,
      FriendlyCredentialName: c.friendlyName,
      RelyingPartyId: c.relyingPartyId,
      ...(c.attachment ? { AuthenticatorAttachment: c.attachment } : {}),
      AuthenticatorTransports: c.transports,
      CreatedAt: c.createdAt / 1000,
    })),
    ...(next ? { NextToken: next.id } : {}),
  }
}

export async function deleteWebAuthnCredential(body: Body, ctx: CognitoContext) {
  const { user } = await passkeyUser(body, ctx)
  const id = str(body.CredentialId)
  const all = credentialsOf(user)
  if (!id || !all.some((c) => c.id === id)) throw resourceNotFound('Credential not found.')
  user.webAuthnCredentials = all.filter((c) => c.id !== id)
  user.updatedAt = ctx.now()
  ctx.log(`DeleteWebAuthnCredential ${user.email}: passkey ${id.slice(0, 8)}… removed`)
  return {}
}
