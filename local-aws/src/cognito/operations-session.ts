/** Calls a signed-in user makes with their AccessToken, and RevokeToken. */
import { assertClientSecret, findClient } from './clients.ts'
import type { Body, CognitoContext } from './context.ts'
import { assertPasswordPolicy, checkPassword, setPassword } from './passwords.ts'
import { findSessionByRefreshToken, revokeUserSessions, verifyAccessToken } from './tokens.ts'
import { mfaSettingsOf } from './mfa.ts'
import { attributeList } from './users.ts'

export async function getUser(body: Body, ctx: CognitoContext) {
  const { user } = await verifyAccessToken(ctx, body.AccessToken)
  return { Username: user.username, UserAttributes: attributeList(user), ...mfaSettingsOf(user) }
}

export async function changePassword(body: Body, ctx: CognitoContext) {
  const { pool, user } = await verifyAccessToken(ctx, body.AccessToken)
  const proposed = assertPasswordPolicy(body.ProposedPassword)
  await checkPassword(user, pool.id, body.PreviousPassword, ctx.now())
  await setPassword(user, pool.id, proposed, ctx.now())
  ctx.log(`ChangePassword ${user.email}: password changed`)
  return {}
}

export async function globalSignOut(body: Body, ctx: CognitoContext) {
  const { pool, user } = await verifyAccessToken(ctx, body.AccessToken)
  revokeUserSessions(pool, user.username)
  ctx.log(`GlobalSignOut ${user.email}: every session revoked`)
  return {}
}

export async function revokeToken(body: Body, ctx: CognitoContext) {
  const { pool, client } = findClient(ctx.data, body.ClientId)
  assertClientSecret(client, body.ClientSecret)
  const session =
    typeof body.Token === 'string' ? await findSessionByRefreshToken(pool, body.Token) : undefined
  // Like OAuth revocation, an unknown token is not an error.
  if (session && session.clientId === client.clientId) {
    session.revoked = true
    ctx.log(
      `RevokeToken: session of ${pool.users[session.username]?.email ?? 'a deleted user'} revoked`,
    )
  }
  return {}
}

export async function deleteUser(body: Body, ctx: CognitoContext) {
  const { pool, user } = await verifyAccessToken(ctx, body.AccessToken)
  deleteUserFrom(pool, user.username)
  ctx.log(`DeleteUser ${user.email}`)
  return {}
}

export function deleteUserFrom(
  pool: { users: Record<string, unknown>; sessions: Record<string, { username: string }> },
  username: string,
) {
  delete pool.users[username]
  for (const [jti, session] of Object.entries(pool.sessions)) {
    if (session.username === username) delete pool.sessions[jti]
  }
}
