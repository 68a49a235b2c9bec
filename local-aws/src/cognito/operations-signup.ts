/** Self-service sign-up, confirmation codes and password reset. */
import { assertSecretHash, findClient, preventsUserExistenceErrors } from './clients.ts'
import { str, type Body, type CognitoContext } from './context.ts'
import type { PoolRecord, UserRecord } from './data.ts'
import { CognitoError, invalidParameter, notAuthorized } from './errors.ts'
import { issueChallenge } from './challenges.ts'
import { assertPasswordPolicy, setPassword } from './passwords.ts'
import { assertConformsToSchema } from './schema.ts'
import { allowedFirstFactors } from './sign-in-policy.ts'
import {
  attributeValue,
  checkCode,
  codeDeliveryDetails,
  extraAttributes,
  findUser,
  isEmail,
  sendCode,
} from './users.ts'

const SIGN_UP_CODE_MS = 24 * 60 * 60 * 1000
const RESET_CODE_MS = 60 * 60 * 1000

const combinationNotFound = () =>
  new CognitoError('UserNotFoundException', 'Username/client id combination not found.')

/** A user who gives no password must be able to sign in with a code. */
const passwordlessSignUpAllowed = (pool: PoolRecord) =>
  allowedFirstFactors(pool).some((f) => f === 'EMAIL_OTP' || f === 'SMS_OTP')

export async function signUp(body: Body, ctx: CognitoContext) {
  const { pool, client } = findClient(ctx.data, body.ClientId)
  const username = str(body.Username) ?? ''
  await assertSecretHash(client, body.SecretHash, [username])
  if (!isEmail(username)) throw invalidParameter('Username should be an email.')
  const password = body.Password === undefined ? undefined : assertPasswordPolicy(body.Password)
  if (password === undefined && !passwordlessSignUpAllowed(pool)) {
    throw invalidParameter('Missing required parameter PASSWORD')
  }
  assertConformsToSchema(pool, body.UserAttributes)
  const email = attributeValue(body.UserAttributes, 'email') ?? username
  if (findUser(pool, username) || findUser(pool, email)) {
    throw new CognitoError(
      'UsernameExistsException',
      'An account with the given email already exists.',
    )
  }
  const now = ctx.now()
  const user: UserRecord = {
    username: crypto.randomUUID(),
    email: username,
    emailVerified: false,
    status: 'UNCONFIRMED',
    enabled: true,
    attributes: extraAttributes(body.UserAttributes),
    password: { salt: '', verifier: '' },
    createdAt: now,
    updatedAt: now,
    failedSignIns: 0,
    lockedUntil: 0,
  }
  // Without a password the user signs in with codes or passkeys only (USER_AUTH).
  if (password !== undefined) await setPassword(user, pool.id, password, now)
  user.signUpCode = sendCode(ctx, user, 'sign-up', pool.id, client.clientId, SIGN_UP_CODE_MS)
  pool.users[user.username] = user
  ctx.log(`SignUp ${user.email} → sub ${user.username} (UNCONFIRMED)`)
  return {
    UserConfirmed: false,
    UserSub: user.username,
    CodeDeliveryDetails: codeDeliveryDetails(user.email),
  }
}

/**
 * The app client and the named user (undefined when unknown) of a public call
 * about an existing account, its SECRET_HASH checked against either of the
 * user's names, as Cognito accepts both.
 */
async function clientAndUser(body: Body, ctx: CognitoContext) {
  const { pool, client } = findClient(ctx.data, body.ClientId)
  const user = findUser(pool, body.Username)
  await assertSecretHash(
    client,
    body.SecretHash,
    user ? [user.email, user.username] : [str(body.Username) ?? ''],
  )
  return { pool, client, user }
}

export async function confirmSignUp(body: Body, ctx: CognitoContext) {
  const { pool, client, user } = await clientAndUser(body, ctx)
  if (!user) {
    if (preventsUserExistenceErrors(client)) checkCode(undefined, body.ConfirmationCode, ctx.now())
    throw combinationNotFound()
  }
  if (user.status !== 'UNCONFIRMED') {
    throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`)
  }
  checkCode(user.signUpCode, body.ConfirmationCode, ctx.now())
  user.status = 'CONFIRMED'
  user.emailVerified = true
  user.updatedAt = ctx.now()
  delete user.signUpCode
  ctx.log(`ConfirmSignUp ${user.email} → CONFIRMED`)
  // InitiateAuth USER_AUTH with this Session signs the new user in (Amplify's autoSignIn).
  const { Session } = await issueChallenge(ctx, pool, client, user, 'SIGN_UP')
  return { Session }
}

export async function resendConfirmationCode(body: Body, ctx: CognitoContext) {
  const { pool, client, user } = await clientAndUser(body, ctx)
  if (!user) {
    if (preventsUserExistenceErrors(client))
      return { CodeDeliveryDetails: codeDeliveryDetails(str(body.Username) ?? '') }
    throw combinationNotFound()
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.')
  user.signUpCode = sendCode(ctx, user, 'resend', pool.id, client.clientId, SIGN_UP_CODE_MS)
  ctx.log(`ResendConfirmationCode ${user.email}`)
  return { CodeDeliveryDetails: codeDeliveryDetails(user.email) }
}

export async function forgotPassword(body: Body, ctx: CognitoContext) {
  const { pool, client, user } = await clientAndUser(body, ctx)
  if (!user) {
    // With PreventUserExistenceErrors Cognito answers as if it had sent a code.
    if (preventsUserExistenceErrors(client)) {
      ctx.log('ForgotPassword for an unknown user: answered like a success, nothing sent')
      return { CodeDeliveryDetails: codeDeliveryDetails(str(body.Username) ?? '') }
    }
    throw combinationNotFound()
  }
  if (!user.emailVerified) {
    throw invalidParameter(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    )
  }
  user.resetCode = sendCode(ctx, user, 'forgot-password', pool.id, client.clientId, RESET_CODE_MS)
  ctx.log(`ForgotPassword ${user.email}: code sent`)
  return { CodeDeliveryDetails: codeDeliveryDetails(user.email) }
}

export async function confirmForgotPassword(body: Body, ctx: CognitoContext) {
  const { pool, client, user } = await clientAndUser(body, ctx)
  if (!user) {
    if (preventsUserExistenceErrors(client)) checkCode(undefined, body.ConfirmationCode, ctx.now())
    throw combinationNotFound()
  }
  const password = assertPasswordPolicy(body.Password)
  checkCode(user.resetCode, body.ConfirmationCode, ctx.now())
  await setPassword(user, pool.id, password, ctx.now())
  if (user.status === 'RESET_REQUIRED') user.status = 'CONFIRMED'
  delete user.resetCode
  ctx.log(`ConfirmForgotPassword ${user.email}: password changed`)
  return {}
}
