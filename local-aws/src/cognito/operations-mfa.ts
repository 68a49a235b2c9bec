/**
 * MFA operations: the pool's configuration (admin), TOTP association and
 * verification (with an AccessToken, or with the Session of an MFA_SETUP
 * challenge at sign-in), and each user's factor preferences.
 */
import { findPool } from './clients.ts'
import { record, str, type Body, type CognitoContext } from './context.ts'
import type { MfaType, PoolMfaConfig, UserRecord } from './data.ts'
import { CognitoError, invalidParameter, userNotFound } from './errors.ts'
import { openChallenge, sealChallenge, wrongCode } from './challenges.ts'
import {
  applyPreference,
  mfaSettingsOf,
  newTotpSecret,
  poolMfa,
  totpMatches,
  userMfa,
} from './mfa.ts'
import { verifyAccessToken } from './tokens.ts'
import { findUser } from './users.ts'
import { applyWebAuthnConfiguration, describeWebAuthnConfiguration } from './webauthn.ts'

function mfaConfigType(config: PoolMfaConfig) {
  return {
    MfaConfiguration: config.mode,
    SoftwareTokenMfaConfiguration: { Enabled: config.softwareToken },
    ...(config.sms ? { SmsMfaConfiguration: config.sms } : {}),
    ...(config.email ? { EmailMfaConfiguration: config.email } : {}),
  }
}

/**
 * Replaces the pool's MFA settings, as Cognito does: a factor left out is
 * turned off. The passkey relying party (WebAuthnConfiguration) is kept
 * unless given.
 */
export async function setUserPoolMfaConfig(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const mode = str(body.MfaConfiguration) ?? poolMfa(pool).mode
  if (mode !== 'OFF' && mode !== 'ON' && mode !== 'OPTIONAL') {
    throw invalidParameter(
      `1 validation error detected: Value '${mode}' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]`,
    )
  }
  const config: PoolMfaConfig = {
    mode,
    softwareToken: record(body.SoftwareTokenMfaConfiguration).Enabled === true,
  }
  if (body.SmsMfaConfiguration !== undefined) config.sms = record(body.SmsMfaConfiguration)
  if (body.EmailMfaConfiguration !== undefined) config.email = record(body.EmailMfaConfiguration)
  if (mode !== 'OFF' && !config.softwareToken && !config.sms && !config.email) {
    throw invalidParameter(
      'At least one MFA method must be enabled when MFA is set to ON or OPTIONAL.',
    )
  }
  applyWebAuthnConfiguration(pool, body.WebAuthnConfiguration)
  pool.mfa = config
  ctx.log(
    `SetUserPoolMfaConfig ${pool.id}: ${mode} (${
      [config.softwareToken && 'TOTP', config.sms && 'SMS', config.email && 'EMAIL']
        .filter(Boolean)
        .join(', ') || 'no factors'
    })`,
  )
  return { ...mfaConfigType(config), WebAuthnConfiguration: describeWebAuthnConfiguration(pool) }
}

export async function getUserPoolMfaConfig(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  return {
    ...mfaConfigType(poolMfa(pool)),
    WebAuthnConfiguration: describeWebAuthnConfiguration(pool),
  }
}

function oneOf(body: Body) {
  const hasToken = typeof body.AccessToken === 'string'
  const hasSession = typeof body.Session === 'string'
  if (hasToken === hasSession) {
    throw invalidParameter('Exactly one of AccessToken or Session must be provided.')
  }
  return hasToken ? 'token' : 'session'
}

export async function associateSoftwareToken(body: Body, ctx: CognitoContext) {
  const SecretCode = newTotpSecret()
  if (oneOf(body) === 'token') {
    const { user } = await verifyAccessToken(ctx, body.AccessToken)
    userMfa(user).pendingTotpSecret = SecretCode
    ctx.log(`AssociateSoftwareToken ${user.email}: new secret handed out`)
    return { SecretCode }
  }
  const { state, user } = await openChallenge(ctx, body.Session, 'MFA_SETUP')
  if (!(state.types ?? []).includes('SOFTWARE_TOKEN_MFA')) {
    throw invalidParameter('Software token MFA is not enabled for this user pool.')
  }
  ctx.log(`AssociateSoftwareToken ${user.email}: new secret handed out (sign-in set-up)`)
  const Session = await sealChallenge(ctx, { ...state, secret: SecretCode, verified: false })
  return { SecretCode, Session }
}

const tokenMismatch = () =>
  new CognitoError(
    'EnableSoftwareTokenMFAException',
    'Code mismatch and fail enable Software Token MFA',
  )

export async function verifySoftwareToken(body: Body, ctx: CognitoContext) {
  if (oneOf(body) === 'token') {
    const { user } = await verifyAccessToken(ctx, body.AccessToken)
    const secret = user.mfa?.pendingTotpSecret
    if (!secret) {
      throw invalidParameter('User has not associated a software token (AssociateSoftwareToken).')
    }
    if (!totpMatches(secret, body.UserCode, ctx.now())) {
      ctx.log(`VerifySoftwareToken ${user.email}: wrong code`)
      throw tokenMismatch()
    }
    const mfa = userMfa(user)
    mfa.totpSecret = secret
    delete mfa.pendingTotpSecret
    ctx.log(`VerifySoftwareToken ${user.email}: authenticator app verified`)
    return { Status: 'SUCCESS' }
  }
  const { state, user } = await openChallenge(ctx, body.Session, 'MFA_SETUP')
  if (!state.secret) {
    throw invalidParameter('User has not associated a software token (AssociateSoftwareToken).')
  }
  if (!totpMatches(state.secret, body.UserCode, ctx.now())) {
    ctx.log(`VerifySoftwareToken ${user.email}: wrong code (sign-in set-up)`)
    throw wrongCode(user, tokenMismatch())
  }
  ctx.log(`VerifySoftwareToken ${user.email}: authenticator app verified (sign-in set-up)`)
  return { Status: 'SUCCESS', Session: await sealChallenge(ctx, { ...state, verified: true }) }
}

function applyPreferences(user: UserRecord, body: Body) {
  const settings: [MfaType, unknown][] = [
    ['SMS_MFA', body.SMSMfaSettings],
    ['SOFTWARE_TOKEN_MFA', body.SoftwareTokenMfaSettings],
    ['EMAIL_OTP', body.EmailMfaSettings],
  ]
  for (const [type, value] of settings) applyPreference(user, type, value)
  const { UserMFASettingList = [], PreferredMfaSetting } = mfaSettingsOf(user)
  return `${UserMFASettingList.join(', ') || 'none'}${PreferredMfaSetting ? `, preferred ${PreferredMfaSetting}` : ''}`
}

export async function setUserMFAPreference(body: Body, ctx: CognitoContext) {
  const { user } = await verifyAccessToken(ctx, body.AccessToken)
  ctx.log(`SetUserMFAPreference ${user.email}: ${applyPreferences(user, body)}`)
  return {}
}

export async function adminSetUserMFAPreference(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const user = findUser(pool, body.Username)
  if (!user) throw userNotFound()
  ctx.log(`AdminSetUserMFAPreference ${user.email}: ${applyPreferences(user, body)}`)
  return {}
}
