/**
 * The pool settings choice-based sign-in depends on (the feature plan and the
 * first factors users may pick) and device tracking, set with UpdateUserPool
 * and read back with DescribeUserPool as on AWS (the emulator keeps no other
 * pool settings).
 */
import { findPool } from './clients.ts'
import { record, type Body, type CognitoContext } from './context.ts'
import type { DeviceConfiguration, PoolRecord } from './data.ts'
import { CognitoError, invalidParameter } from './errors.ts'
import { schemaAttributes } from './schema.ts'

export type PoolTier = 'LITE' | 'ESSENTIALS' | 'PLUS'
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN'

const TIERS: PoolTier[] = ['LITE', 'ESSENTIALS', 'PLUS']
const FACTORS: FirstAuthFactor[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']

export const tierOf = (pool: PoolRecord): PoolTier => pool.tier ?? 'ESSENTIALS'

export const allowedFirstFactors = (pool: PoolRecord): FirstAuthFactor[] =>
  (pool.allowedFirstAuthFactors as FirstAuthFactor[] | undefined) ?? ['PASSWORD']

/** Passkeys, e-mailed codes and USER_AUTH are features of the Essentials plan and above. */
export function assertEssentials(pool: PoolRecord, feature: string) {
  if (tierOf(pool) === 'LITE') {
    throw new CognitoError(
      'FeatureUnavailableInTierException',
      `${feature} is not available in the Lite feature plan: switch the user pool to Essentials.`,
    )
  }
}

export function assertFactorAllowed(pool: PoolRecord, factor: FirstAuthFactor) {
  if (allowedFirstFactors(pool).includes(factor)) return
  if (factor === 'WEB_AUTHN') {
    throw new CognitoError(
      'WebAuthnNotEnabledException',
      'Passkeys are not enabled for this user pool: add WEB_AUTHN to SignInPolicy.AllowedFirstAuthFactors.',
    )
  }
  throw invalidParameter(`${factor} is not an allowed first factor for this user pool.`)
}

/**
 * DeviceConfiguration as UpdateUserPool takes it: any property given turns
 * device tracking on (a missing one is false), `{}` turns it off; left out,
 * the pool keeps what it had.
 */
function deviceConfigurationOf(pool: PoolRecord, given: unknown): DeviceConfiguration | undefined {
  if (given === undefined) return pool.deviceConfiguration
  const config = record(given)
  const flags = ['ChallengeRequiredOnNewDevice', 'DeviceOnlyRememberedOnUserPrompt'] as const
  for (const flag of flags) {
    if (config[flag] !== undefined && typeof config[flag] !== 'boolean') {
      throw invalidParameter(`DeviceConfiguration.${flag} must be true or false`)
    }
  }
  if (flags.every((flag) => config[flag] === undefined)) return undefined
  return {
    ChallengeRequiredOnNewDevice: config.ChallengeRequiredOnNewDevice === true,
    DeviceOnlyRememberedOnUserPrompt: config.DeviceOnlyRememberedOnUserPrompt === true,
  }
}

/**
 * Only the parts the emulator keeps: UserPoolTier, Policies.SignInPolicy and
 * DeviceConfiguration. Fields it doesn't keep are accepted and ignored.
 */
export async function updateUserPool(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const devices = deviceConfigurationOf(pool, body.DeviceConfiguration)
  let tier = tierOf(pool)
  if (body.UserPoolTier !== undefined) {
    if (!TIERS.includes(body.UserPoolTier as PoolTier)) {
      throw invalidParameter(`${String(body.UserPoolTier)} is not a valid UserPoolTier`)
    }
    tier = body.UserPoolTier as PoolTier
  }
  const policy = record(record(body.Policies).SignInPolicy)
  let factors = allowedFirstFactors(pool)
  if (policy.AllowedFirstAuthFactors !== undefined) {
    const given = policy.AllowedFirstAuthFactors
    if (!Array.isArray(given) || given.length === 0) {
      throw invalidParameter('AllowedFirstAuthFactors must list at least one factor')
    }
    const unknown = given.find((f) => !FACTORS.includes(f as FirstAuthFactor))
    if (unknown !== undefined) {
      throw invalidParameter(`${String(unknown)} is not a valid first auth factor`)
    }
    // The console keeps the password factor on; the emulator asks for it too.
    if (!given.includes('PASSWORD')) {
      throw invalidParameter('AllowedFirstAuthFactors must include PASSWORD')
    }
    factors = [...new Set(given as FirstAuthFactor[])]
  }
  if (tier === 'LITE' && factors.some((f) => f !== 'PASSWORD')) {
    throw new CognitoError(
      'FeatureUnavailableInTierException',
      'Passwordless first factors need the Essentials feature plan or higher.',
    )
  }
  pool.tier = tier
  pool.allowedFirstAuthFactors = factors
  if (devices) pool.deviceConfiguration = devices
  else delete pool.deviceConfiguration
  ctx.log(
    `UpdateUserPool ${pool.id}: ${tier}, first factors ${factors.join(', ')}, devices ${devices ? JSON.stringify(devices) : 'not tracked'}`,
  )
  return {}
}

export async function describeUserPool(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  return {
    UserPool: {
      Id: pool.id,
      Name: pool.id.split('_')[1] ?? pool.id,
      CreationDate: pool.createdAt / 1000,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UserPoolTier: tierOf(pool),
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: allowedFirstFactors(pool) } },
      // As on AWS, absent (null) while the pool doesn't track devices.
      ...(pool.deviceConfiguration ? { DeviceConfiguration: { ...pool.deviceConfiguration } } : {}),
      EstimatedNumberOfUsers: Object.keys(pool.users).length,
      SchemaAttributes: schemaAttributes(pool),
    },
  }
}
