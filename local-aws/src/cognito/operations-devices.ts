/**
 * The device operations: ConfirmDevice, ListDevices, GetDevice,
 * UpdateDeviceStatus and ForgetDevice with the user's AccessToken, and their
 * Admin… forms with the pool id and user name. Only confirmed devices exist
 * for them; a forgotten device is gone, so its key no longer signs in.
 */
import { findPool } from './clients.ts'
import { record, str, type Body, type CognitoContext } from './context.ts'
import type { DeviceRecord, PoolRecord, UserRecord } from './data.ts'
import { confirmedDevice, deviceNotFound } from './devices.ts'
import { invalidParameter, userNotFound } from './errors.ts'
import { base64ToBytes, bytesToHex } from './bytes.ts'
import { padHex, hexToBigInt } from './srp.ts'
import { verifyAccessToken } from './tokens.ts'
import { findUser } from './users.ts'

/** ListDevices' largest page, and its default. */
const MAX_LIMIT = 60
const STATUSES = ['remembered', 'not_remembered']

async function signedInUser(body: Body, ctx: CognitoContext) {
  const { pool, user } = await verifyAccessToken(ctx, body.AccessToken)
  return { pool, user }
}

function adminUser(body: Body, ctx: CognitoContext): { pool: PoolRecord; user: UserRecord } {
  const pool = findPool(ctx.data, body.UserPoolId)
  const user = findUser(pool, body.Username)
  if (!user) throw userNotFound()
  return { pool, user }
}

function deviceOf(user: UserRecord, key: unknown) {
  if (typeof key !== 'string' || key === '') {
    throw invalidParameter('Missing required parameter DeviceKey')
  }
  const device = confirmedDevice(user, key)
  if (!device) throw deviceNotFound()
  return device
}

/** Cognito's DeviceType. */
function deviceType(device: DeviceRecord) {
  return {
    DeviceKey: device.key,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(device.name ? [{ Name: 'device_name', Value: device.name }] : []),
      {
        Name: 'dev:device_remembered_status',
        Value: device.remembered ? 'remembered' : 'not_remembered',
      },
    ],
    DeviceCreateDate: device.createdAt / 1000,
    DeviceLastModifiedDate: device.updatedAt / 1000,
    ...(device.lastAuthenticatedAt !== undefined
      ? { DeviceLastAuthenticatedDate: device.lastAuthenticatedAt / 1000 }
      : {}),
  }
}

/** A base64 value of the verifier config, as the hex the SRP code reads. */
function hexOf(value: unknown, field: string): string {
  const bytes = typeof value === 'string' && value !== '' ? base64ToBytes(value) : null
  if (!bytes || bytes.length === 0) {
    throw invalidParameter(`Missing or invalid DeviceSecretVerifierConfig.${field}`)
  }
  return padHex(hexToBigInt(bytesToHex(bytes)))
}

export async function confirmDevice(body: Body, ctx: CognitoContext) {
  const { pool, user } = await signedInUser(body, ctx)
  const key = str(body.DeviceKey)
  const device = key ? user.devices?.[key] : undefined
  if (!device) throw deviceNotFound()
  if (device.verifier) throw invalidParameter('Device has already been confirmed.')
  const config = record(body.DeviceSecretVerifierConfig)
  const salt = hexOf(config.Salt, 'Salt')
  const verifier = hexOf(config.PasswordVerifier, 'PasswordVerifier')
  const name = str(body.DeviceName)
  if (name !== undefined && (name.length === 0 || name.length > 1024)) {
    throw invalidParameter('DeviceName must be 1 to 1024 characters long')
  }
  const onPrompt = !!pool.deviceConfiguration?.DeviceOnlyRememberedOnUserPrompt
  const now = ctx.now()
  Object.assign(device, {
    salt,
    verifier,
    name,
    remembered: !onPrompt,
    updatedAt: now,
    // The sign-in that handed the device out was its first.
    lastAuthenticatedAt: device.createdAt,
  })
  ctx.log(
    `ConfirmDevice ${user.email}: ${name ?? 'a device'} (${onPrompt ? 'not ' : ''}remembered)`,
  )
  return { UserConfirmationNecessary: onPrompt }
}

function listDevicesOf(user: UserRecord, body: Body) {
  const limit = body.Limit === undefined ? MAX_LIMIT : Number(body.Limit)
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(body.Limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${MAX_LIMIT}`,
    )
  }
  const all = Object.values(user.devices ?? {})
    .filter((d) => d.verifier)
    .sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key))
  let start = 0
  const token = str(body.PaginationToken)
  if (token !== undefined) {
    start = all.findIndex((d) => d.key === token)
    if (start < 0) throw invalidParameter('Invalid pagination token.')
  }
  const page = all.slice(start, start + limit)
  const next = all[start + limit]
  return { Devices: page.map(deviceType), ...(next ? { PaginationToken: next.key } : {}) }
}

function updateStatus(ctx: CognitoContext, user: UserRecord, body: Body) {
  const device = deviceOf(user, body.DeviceKey)
  const status = body.DeviceRememberedStatus
  if (status !== undefined && !STATUSES.includes(status as string)) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(status)}' at 'deviceRememberedStatus' failed to satisfy constraint: Member must satisfy enum value set: [remembered, not_remembered]`,
    )
  }
  // Cognito's default, when the status is left out, is not_remembered.
  device.remembered = status === 'remembered'
  device.updatedAt = ctx.now()
  ctx.log(`device of ${user.email}: ${device.remembered ? 'remembered' : 'not remembered'}`)
  return {}
}

function forget(ctx: CognitoContext, user: UserRecord, key: unknown) {
  const device = deviceOf(user, key)
  delete user.devices![device.key]
  ctx.log(`device of ${user.email} forgotten`)
  return {}
}

export async function listDevices(body: Body, ctx: CognitoContext) {
  const { user } = await signedInUser(body, ctx)
  return listDevicesOf(user, body)
}

export async function getDevice(body: Body, ctx: CognitoContext) {
  const { user } = await signedInUser(body, ctx)
  return { Device: deviceType(deviceOf(user, body.DeviceKey)) }
}

export async function updateDeviceStatus(body: Body, ctx: CognitoContext) {
  const { user } = await signedInUser(body, ctx)
  return updateStatus(ctx, user, body)
}

export async function forgetDevice(body: Body, ctx: CognitoContext) {
  if (body.AccessToken !== undefined) {
    return forget(ctx, (await signedInUser(body, ctx)).user, body.DeviceKey)
  }
  // The AccessToken is optional: Cognito then authorizes the call with IAM,
  // which the emulator doesn't check, and finds the device by its key alone.
  const owner = Object.values(ctx.data.pools)
    .flatMap((pool) => Object.values(pool.users))
    .find((user) => confirmedDevice(user, body.DeviceKey))
  return forget(ctx, owner ?? ({} as UserRecord), body.DeviceKey)
}

export async function adminListDevices(body: Body, ctx: CognitoContext) {
  return listDevicesOf(adminUser(body, ctx).user, body)
}

export async function adminGetDevice(body: Body, ctx: CognitoContext) {
  return { Device: deviceType(deviceOf(adminUser(body, ctx).user, body.DeviceKey)) }
}

export async function adminUpdateDeviceStatus(body: Body, ctx: CognitoContext) {
  return updateStatus(ctx, adminUser(body, ctx).user, body)
}

export async function adminForgetDevice(body: Body, ctx: CognitoContext) {
  return forget(ctx, adminUser(body, ctx).user, body.DeviceKey)
}
