/**
 * Remembered devices at sign-in. With the pool's DeviceConfiguration set,
 * tokens for a sign-in that proved no device carry NewDeviceMetadata (a new
 * device key and the user's device group key); once the client has confirmed
 * that device (ConfirmDevice, operations-devices.ts), a sign-in naming its key
 * must prove the device too: DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER,
 * SRP-6a exactly as for the password (srp.ts) with the device group key where
 * the pool name goes and the device key where the user name goes, as
 * Amplify's handleDeviceSRPAuth computes them. A remembered device then
 * stands in for the MFA code (afterFirstFactor in challenges.ts).
 */
import { base64ToBytes, randomString, safeEqual } from './bytes.ts'
import { str, type CognitoContext } from './context.ts'
import type { ClientRecord, DeviceRecord, PoolRecord, UserRecord } from './data.ts'
import {
  CHALLENGE_MS,
  expiredSession,
  issueChallenge,
  wrongCode,
  type ChallengeAnswer,
  type SignInAnswer,
} from './challenges.ts'
import {
  INCORRECT_CREDENTIALS,
  invalidParameter,
  notAuthorized,
  resourceNotFound,
} from './errors.ts'
import { seal, unseal } from './sealed.ts'
import { claimSignature, createServerEphemeral, deriveSessionKey } from './srp.ts'

/** Cognito's own words, which Amplify matches to drop a forgotten device's keys and sign in again. */
export const deviceNotFound = () => resourceNotFound('Device does not exist.')

/** Unconfirmed devices kept per user (each sign-in without a device makes one). */
const MAX_UNCONFIRMED = 5
const GROUP_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A device that ConfirmDevice has given an SRP verifier: only such a device can sign in. */
export function confirmedDevice(user: UserRecord, key: unknown): DeviceRecord | undefined {
  const device = typeof key === 'string' ? user.devices?.[key] : undefined
  return device?.verifier ? device : undefined
}

/** NewDeviceMetadata for tokens whose sign-in proved no device; undefined when the pool tracks none. */
export function newDeviceMetadata(ctx: CognitoContext, pool: PoolRecord, user: UserRecord) {
  if (!pool.deviceConfiguration) return undefined
  user.deviceGroupKey ??= `-${randomString(9, GROUP_KEY_ALPHABET)}`
  const devices = (user.devices ??= {})
  const unconfirmed = Object.values(devices)
    .filter((d) => !d.verifier)
    .sort((a, b) => a.createdAt - b.createdAt)
  for (const stale of unconfirmed.slice(0, Math.max(0, unconfirmed.length - MAX_UNCONFIRMED + 1))) {
    delete devices[stale.key]
  }
  // Cognito's device keys are the region, "_" and a UUID.
  const key = `${pool.id.split('_')[0]}_${crypto.randomUUID()}`
  const now = ctx.now()
  devices[key] = { key, remembered: false, createdAt: now, updatedAt: now }
  return { DeviceKey: key, DeviceGroupKey: user.deviceGroupKey }
}

/**
 * The password was right and the sign-in names a device: prove it before
 * anything else. Undefined when the pool tracks no devices (the key is then
 * ignored); an unknown or forgotten key is refused with Cognito's error.
 */
export async function startDeviceSignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  deviceKey: unknown,
): Promise<SignInAnswer | undefined> {
  if (!pool.deviceConfiguration || deviceKey === undefined || deviceKey === '') return undefined
  const device = confirmedDevice(user, deviceKey)
  if (!device) {
    ctx.log(`sign-in ${user.email}: unknown device`)
    throw deviceNotFound()
  }
  return issueChallenge(ctx, pool, client, user, 'DEVICE_SRP_AUTH', {}, { device: device.key })
}

function deviceOf(answer: ChallengeAnswer) {
  const key = str(answer.responses.DEVICE_KEY)
  const device = confirmedDevice(answer.user, key)
  if (!device || device.key !== answer.state.device) throw deviceNotFound()
  return device
}

/** DEVICE_SRP_AUTH (SRP_A, DEVICE_KEY) → DEVICE_PASSWORD_VERIFIER with the device's salt and B. */
export async function answerDeviceSrpAuth(answer: ChallengeAnswer): Promise<SignInAnswer> {
  const { ctx, pool, client, user } = answer
  const device = deviceOf(answer)
  const A = str(answer.responses.SRP_A)
  if (!A || !/^[0-9a-fA-F]+$/.test(A)) throw invalidParameter('Missing required parameter SRP_A')
  const { b, B } = await createServerEphemeral(device.verifier!)
  const SECRET_BLOCK = await seal(ctx.data, {
    t: 'DEVICE_SRP',
    p: pool.id,
    u: user.username,
    d: device.key,
    A,
    B,
    b,
    exp: ctx.now() + CHALLENGE_MS,
  })
  return issueChallenge(
    ctx,
    pool,
    client,
    user,
    'DEVICE_PASSWORD_VERIFIER',
    { SALT: device.salt!, SRP_B: B, SECRET_BLOCK, USERNAME: user.username },
    { device: device.key },
  )
}

/** DEVICE_PASSWORD_VERIFIER: checks the device's claim signature; returns the device it proved. */
export async function verifyDeviceClaim(answer: ChallengeAnswer): Promise<DeviceRecord> {
  const { ctx, pool, user, responses } = answer
  const device = deviceOf(answer)
  const secretBlock = str(responses.PASSWORD_CLAIM_SECRET_BLOCK)
  const srp = await unseal(ctx.data, secretBlock)
  if (
    !srp ||
    !secretBlock ||
    srp.t !== 'DEVICE_SRP' ||
    srp.p !== pool.id ||
    srp.u !== user.username ||
    srp.d !== device.key ||
    Number(srp.exp) <= ctx.now()
  ) {
    throw expiredSession()
  }
  const key = await deriveSessionKey({
    A: String(srp.A),
    B: String(srp.B),
    b: String(srp.b),
    verifier: device.verifier!,
  })
  const blockBytes = base64ToBytes(secretBlock)
  const expected =
    key && blockBytes
      ? await claimSignature(
          key,
          user.deviceGroupKey ?? '',
          device.key,
          blockBytes,
          str(responses.TIMESTAMP) ?? '',
        )
      : null
  if (!expected || !safeEqual(expected, str(responses.PASSWORD_CLAIM_SIGNATURE) ?? '')) {
    ctx.log(`sign-in ${user.email}: wrong device secret`)
    throw wrongCode(user, notAuthorized(INCORRECT_CREDENTIALS))
  }
  device.lastAuthenticatedAt = ctx.now()
  ctx.log(`sign-in ${user.email}: device proved (${device.remembered ? '' : 'not '}remembered)`)
  return device
}
