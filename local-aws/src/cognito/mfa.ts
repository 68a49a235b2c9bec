/**
 * Multi-factor authentication as a user pool applies it: the pool's
 * configuration, each user's factors, real RFC 6238 TOTP, and which challenge
 * a sign-in that passed its first factor gets next.
 */
import { Secret, TOTP } from 'otpauth'
import type { MfaType, PoolMfaConfig, PoolRecord, UserMfa, UserRecord } from './data.ts'
import { invalidParameter } from './errors.ts'

export const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']

export const isMfaType = (value: unknown): value is MfaType =>
  typeof value === 'string' && (MFA_TYPES as readonly string[]).includes(value)

export function poolMfa(pool: PoolRecord): PoolMfaConfig {
  return pool.mfa ?? { mode: 'OFF', softwareToken: false }
}

/** The factors the pool lets users use, in Cognito's order. */
export function poolFactors(pool: PoolRecord): MfaType[] {
  const config = poolMfa(pool)
  if (config.mode === 'OFF') return []
  return MFA_TYPES.filter((type) =>
    type === 'SMS_MFA'
      ? !!config.sms
      : type === 'EMAIL_OTP'
        ? !!config.email
        : config.softwareToken,
  )
}

export function userMfa(user: UserRecord): UserMfa {
  user.mfa ??= { enabled: [] }
  return user.mfa
}

/** The user's turned-on factors that the pool (still) allows. */
export function activeFactors(pool: PoolRecord, user: UserRecord): MfaType[] {
  const allowed = poolFactors(pool)
  return (user.mfa?.enabled ?? []).filter((type) => allowed.includes(type))
}

export type NextFactor =
  | { kind: 'none' }
  | { kind: 'challenge'; type: MfaType }
  | { kind: 'select'; types: MfaType[] }
  | { kind: 'setup'; types: MfaType[] }

/**
 * What Cognito asks after the password: nothing when MFA is off (or optional
 * and the user has no factor), the preferred or only factor, a choice among
 * several, or, when MFA is on for everyone and the user has none, a set-up.
 */
export function nextFactor(pool: PoolRecord, user: UserRecord): NextFactor {
  const mode = poolMfa(pool).mode
  if (mode === 'OFF') return { kind: 'none' }
  const active = activeFactors(pool, user)
  const preferred = user.mfa?.preferred
  if (preferred && active.includes(preferred)) return { kind: 'challenge', type: preferred }
  if (active.length === 1) return { kind: 'challenge', type: active[0]! }
  if (active.length > 1) return { kind: 'select', types: active }
  if (mode === 'OPTIONAL') return { kind: 'none' }
  // Required, and nothing turned on: SMS goes to a phone number the user already has.
  const allowed = poolFactors(pool)
  if (allowed.includes('SMS_MFA') && user.attributes.phone_number) {
    return { kind: 'challenge', type: 'SMS_MFA' }
  }
  return { kind: 'setup', types: allowed }
}

/** Turns a factor on or off and sets the preference, as (Admin)SetUserMFAPreference does. */
export function applyPreference(user: UserRecord, type: MfaType, settings: unknown) {
  if (typeof settings !== 'object' || settings === null) return
  const { Enabled, PreferredMfa } = settings as { Enabled?: unknown; PreferredMfa?: unknown }
  const mfa = userMfa(user)
  if (Enabled === true) {
    if (!canUse(user, type)) {
      throw invalidParameter(`User does not have delivery config set to turn on ${type}`)
    }
    if (!mfa.enabled.includes(type)) mfa.enabled.push(type)
  } else if (Enabled === false) {
    mfa.enabled = mfa.enabled.filter((t) => t !== type)
    if (mfa.preferred === type) delete mfa.preferred
  }
  if (PreferredMfa === true && mfa.enabled.includes(type)) mfa.preferred = type
  else if (PreferredMfa === false && mfa.preferred === type) delete mfa.preferred
}

/** A factor needs somewhere to deliver to: a verified TOTP secret, a phone number, an address. */
function canUse(user: UserRecord, type: MfaType) {
  if (type === 'SOFTWARE_TOKEN_MFA') return !!user.mfa?.totpSecret
  if (type === 'SMS_MFA') return !!user.attributes.phone_number
  return !!user.email
}

/** GetUser / AdminGetUser's view of the user's factors. */
export function mfaSettingsOf(user: UserRecord) {
  const enabled = MFA_TYPES.filter((type) => user.mfa?.enabled.includes(type))
  // Like Cognito, both are left out rather than empty.
  return {
    ...(enabled.length > 0 ? { UserMFASettingList: enabled } : {}),
    ...(user.mfa?.preferred ? { PreferredMfaSetting: user.mfa.preferred } : {}),
  }
}

/** A new TOTP secret: 160 random bits, Base32, as authenticator apps expect. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32

/** RFC 6238 with SHA-1, 6 digits, 30 s steps; one step of drift either way is accepted. */
export function totpMatches(secret: string, code: unknown, now: number): boolean {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 })
  return totp.validate({ token: code, timestamp: now, window: 1 }) !== null
}

/** "+15555550100" → "+*******0100", as in Cognito's CODE_DELIVERY_DESTINATION. */
export function maskPhone(phone: string) {
  return `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`
}
