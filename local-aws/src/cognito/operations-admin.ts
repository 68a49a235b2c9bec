/** Admin user operations (SigV4-signed in real AWS; any credentials are accepted here). */
import { findPool } from './clients.ts'
import { str, type Body, type CognitoContext } from './context.ts'
import type { PoolRecord, UserRecord } from './data.ts'
import { CognitoError, invalidParameter, notAuthorized, userNotFound } from './errors.ts'
import { assertPasswordPolicy, setPassword } from './passwords.ts'
import { assertConformsToSchema } from './schema.ts'
import { deleteUserFrom } from './operations-session.ts'
import { revokeUserSessions } from './tokens.ts'
import { mfaSettingsOf } from './mfa.ts'
import { attributeValue, extraAttributes, findUser, isEmail, sendCode, userType } from './users.ts'

/** As long as a reset code from ForgotPassword lasts. */
const RESET_CODE_MS = 60 * 60 * 1000

function adminUser(body: Body, ctx: CognitoContext): { pool: PoolRecord; user: UserRecord } {
  const pool = findPool(ctx.data, body.UserPoolId)
  const user = findUser(pool, body.Username)
  if (!user) throw userNotFound()
  return { pool, user }
}

/** A temporary password that meets the default policy. */
function temporaryPassword() {
  return `Tmp-${crypto.randomUUID().slice(0, 8)}a1A!`
}

/** Cognito's invitation: the temporary password, "e-mailed" to the local inbox. */
function sendInvitation(ctx: CognitoContext, pool: PoolRecord, user: UserRecord, password: string) {
  ctx.deliver({ to: user.email, kind: 'temporary-password', code: password, userPoolId: pool.id })
}

export async function adminCreateUser(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const username = str(body.Username) ?? ''
  const action = str(body.MessageAction)
  if (action !== undefined && action !== 'RESEND' && action !== 'SUPPRESS') {
    throw invalidParameter(
      `1 validation error detected: Value '${action}' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]`,
    )
  }
  const given = str(body.TemporaryPassword)
  const password = given === undefined ? temporaryPassword() : assertPasswordPolicy(given)
  const existing = findUser(pool, username)
  if (action === 'RESEND') {
    if (!existing) throw userNotFound()
    if (existing.status !== 'FORCE_CHANGE_PASSWORD') {
      throw new CognitoError(
        'UnsupportedUserStateException',
        'Resend not possible. User is not in FORCE_CHANGE_PASSWORD state.',
      )
    }
    await setPassword(existing, pool.id, password, ctx.now())
    sendInvitation(ctx, pool, existing, password)
    ctx.log(`AdminCreateUser ${existing.email}: invitation sent again`)
    return { User: userType(existing) }
  }
  if (!isEmail(username)) throw invalidParameter('Username should be an email.')
  if (existing) throw new CognitoError('UsernameExistsException', 'User account already exists')
  assertConformsToSchema(pool, body.UserAttributes)
  const now = ctx.now()
  const user: UserRecord = {
    username: crypto.randomUUID(),
    email: attributeValue(body.UserAttributes, 'email') ?? username,
    emailVerified: attributeValue(body.UserAttributes, 'email_verified') === 'true',
    status: 'FORCE_CHANGE_PASSWORD',
    enabled: true,
    attributes: extraAttributes(body.UserAttributes),
    password: { salt: '', verifier: '' },
    createdAt: now,
    updatedAt: now,
    failedSignIns: 0,
    lockedUntil: 0,
  }
  await setPassword(user, pool.id, password, now)
  pool.users[user.username] = user
  if (action !== 'SUPPRESS') sendInvitation(ctx, pool, user, password)
  ctx.log(
    `AdminCreateUser ${user.email} → sub ${user.username} (FORCE_CHANGE_PASSWORD${action === 'SUPPRESS' ? ', no invitation' : ''})`,
  )
  return { User: userType(user) }
}

/** The user must choose a new password with a code sent to their verified address. */
export async function adminResetUserPassword(body: Body, ctx: CognitoContext) {
  const { pool, user } = adminUser(body, ctx)
  if (!user.enabled) throw notAuthorized('User is disabled.')
  if (!user.emailVerified) {
    throw invalidParameter(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    )
  }
  if (user.status !== 'UNCONFIRMED') user.status = 'RESET_REQUIRED'
  user.updatedAt = ctx.now()
  user.resetCode = sendCode(ctx, user, 'admin-reset', pool.id, undefined, RESET_CODE_MS)
  ctx.log(`AdminResetUserPassword ${user.email} → ${user.status}, code sent`)
  return {}
}

export async function adminConfirmSignUp(body: Body, ctx: CognitoContext) {
  const { user } = adminUser(body, ctx)
  if (user.status !== 'UNCONFIRMED')
    throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`)
  user.status = 'CONFIRMED'
  user.updatedAt = ctx.now()
  delete user.signUpCode
  ctx.log(`AdminConfirmSignUp ${user.email} → CONFIRMED`)
  return {}
}

export async function adminSetUserPassword(body: Body, ctx: CognitoContext) {
  const { pool, user } = adminUser(body, ctx)
  const password = assertPasswordPolicy(body.Password)
  await setPassword(user, pool.id, password, ctx.now())
  user.status = body.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD'
  ctx.log(`AdminSetUserPassword ${user.email} → ${user.status}`)
  return {}
}

export async function adminGetUser(body: Body, ctx: CognitoContext) {
  const { user } = adminUser(body, ctx)
  const { Attributes, ...rest } = userType(user)
  return { ...rest, UserAttributes: Attributes, ...mfaSettingsOf(user) }
}

export async function adminDeleteUser(body: Body, ctx: CognitoContext) {
  const { pool, user } = adminUser(body, ctx)
  deleteUserFrom(pool, user.username)
  ctx.log(`AdminDeleteUser ${user.email}`)
  return {}
}

/**
 * Deactivates the user and, as on AWS, revokes their tokens: their sessions
 * end, so signing back in is needed once they are enabled again.
 */
export async function adminDisableUser(body: Body, ctx: CognitoContext) {
  const { pool, user } = adminUser(body, ctx)
  user.enabled = false
  user.updatedAt = ctx.now()
  revokeUserSessions(pool, user.username)
  ctx.log(`AdminDisableUser ${user.email}: disabled, every session revoked`)
  return {}
}

export async function adminEnableUser(body: Body, ctx: CognitoContext) {
  const { user } = adminUser(body, ctx)
  user.enabled = true
  user.updatedAt = ctx.now()
  ctx.log(`AdminEnableUser ${user.email}: enabled`)
  return {}
}

export async function adminUserGlobalSignOut(body: Body, ctx: CognitoContext) {
  const { pool, user } = adminUser(body, ctx)
  revokeUserSessions(pool, user.username)
  ctx.log(`AdminUserGlobalSignOut ${user.email}: every session revoked`)
  return {}
}

/**
 * ListUsers with the simple filters `attr = "value"` and `attr ^= "prefix"`.
 * As on AWS, `status` is Enabled or Disabled and `cognito:user_status` the
 * UserStatus (CONFIRMED, …).
 */
export async function listUsers(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  let users = Object.values(pool.users).sort((a, b) => a.createdAt - b.createdAt)
  const filter = str(body.Filter)
  if (filter) {
    const match = /^\s*([\w:]+)\s*(\^?=)\s*"([^"]*)"\s*$/.exec(filter)
    if (!match) throw invalidParameter('Error while parsing filter.')
    const [, name = '', op, value = ''] = match
    users = users.filter((user) => {
      const attr = userType(user).Attributes.find((a) => a.Name === name)?.Value
      if (name === 'username')
        return op === '=' ? user.username === value : user.username.startsWith(value)
      if (name === 'status') {
        const enabled = user.enabled ? 'Enabled' : 'Disabled'
        return op === '=' ? enabled === value : enabled.startsWith(value)
      }
      if (name === 'cognito:user_status') {
        return op === '=' ? user.status === value : user.status.startsWith(value)
      }
      if (attr === undefined) return false
      return op === '=' ? attr === value : attr.startsWith(value)
    })
  }
  const limit = typeof body.Limit === 'number' ? body.Limit : 60
  return { Users: users.slice(0, limit).map(userType) }
}
