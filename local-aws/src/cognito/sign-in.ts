/**
 * What every successful credential check leads to (a new password, MFA, or
 * tokens), the password flows, and token refresh.
 */
import { preventsUserExistenceErrors } from './clients.ts'
import type { CognitoContext } from './context.ts'
import type { ClientRecord, PoolRecord, UserRecord } from './data.ts'
import { CognitoError, INCORRECT_CREDENTIALS, notAuthorized, userNotFound } from './errors.ts'
import { checkPassword } from './passwords.ts'
import { afterFirstFactor, issueChallenge } from './challenges.ts'
import { startDeviceSignIn } from './devices.ts'
import { findRefreshToken, issueTokens, rotateRefreshToken } from './tokens.ts'
import { findUser } from './users.ts'

export function unknownUser(client: ClientRecord) {
  return preventsUserExistenceErrors(client) ? notAuthorized(INCORRECT_CREDENTIALS) : userNotFound()
}

/**
 * The password was right: a new password if one is due, then the device if
 * the sign-in names one (DEVICE_KEY), then MFA or tokens.
 */
export async function finishSignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  deviceKey?: unknown,
) {
  if (!user.enabled) throw notAuthorized('User is disabled.')
  if (user.status === 'UNCONFIRMED')
    throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.')
  if (user.status === 'RESET_REQUIRED') {
    throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user')
  }
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    return issueChallenge(ctx, pool, client, user, 'NEW_PASSWORD_REQUIRED', {
      requiredAttributes: '[]',
      userAttributes: JSON.stringify({
        email_verified: String(user.emailVerified),
        email: user.email,
      }),
    })
  }
  return (
    (await startDeviceSignIn(ctx, pool, client, user, deviceKey)) ??
    afterFirstFactor(ctx, pool, client, user)
  )
}

/** USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH. */
export async function passwordSignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  params: Record<string, unknown>,
) {
  const user = findUser(pool, params.USERNAME)
  if (!user) throw unknownUser(client)
  await checkPassword(user, pool.id, params.PASSWORD, ctx.now()).catch((error: unknown) => {
    ctx.log(`sign-in ${user.email}: refused (${error instanceof Error ? error.message : 'error'})`)
    throw error
  })
  return finishSignIn(ctx, pool, client, user, params.DEVICE_KEY)
}

/**
 * REFRESH_TOKEN_AUTH / GetTokensFromRefreshToken: new id and access tokens of
 * the same session, and with `rotate` a new refresh token that replaces the
 * one presented.
 */
export async function refreshSignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  token: unknown,
  { rotate = false } = {},
) {
  const match = typeof token === 'string' ? await findRefreshToken(pool, token) : undefined
  const session = match?.session
  if (!match || !session || session.clientId !== client.clientId) {
    throw notAuthorized('Invalid Refresh Token')
  }
  const user = pool.users[session.username]
  if (!user) throw notAuthorized('Invalid Refresh Token')
  // Before "revoked": AdminDisableUser also revokes, and the user is told why.
  if (!user.enabled) throw notAuthorized('User is disabled.')
  if (session.revoked) throw notAuthorized('Refresh Token has been revoked')
  if (session.expiresAt <= ctx.now()) throw notAuthorized('Refresh Token has expired')
  if (match.usableUntil !== undefined && match.usableUntil <= ctx.now()) {
    ctx.log(`refresh ${user.email}: refused, a rotated-out refresh token used again`)
    throw new CognitoError(
      'RefreshTokenReuseException',
      'Refresh token has been invalidated by refresh token rotation.',
    )
  }
  const tokens = await issueTokens(ctx, pool, client, user, session)
  if (!rotate) {
    ctx.log(`refresh ${user.email}: new id/access tokens`)
    return { user, result: { AuthenticationResult: tokens, ChallengeParameters: {} } }
  }
  const RefreshToken = await rotateRefreshToken(ctx, client, match)
  ctx.log(`refresh ${user.email}: new id/access tokens and a new refresh token (rotation)`)
  return {
    user,
    result: { AuthenticationResult: { ...tokens, RefreshToken }, ChallengeParameters: {} },
  }
}
