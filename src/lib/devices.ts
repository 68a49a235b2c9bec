/**
 * The signed-in user's devices (Cognito's device tracking), through Amplify:
 * remembering this browser, listing the user's devices and forgetting one.
 * Only the account page's devices section and a sign-in that ticked
 * "Remember this browser" load this file, so a returning user downloads none
 * of it. Each call configures Amplify first (on first use; importing
 * configures nothing).
 *
 * The keys Amplify keeps for this browser's device (its key, group key and
 * secret, in localStorage beside the tokens) belong to the browser, not to a
 * session: Amplify's sign-out leaves them, so the next sign-in proves the
 * device and skips the MFA code. The session-end clearing (auth.ts,
 * onSessionEnd) clears per-user data this page holds and never touches them;
 * only forgetting the device (here, or a ForgetDevice from elsewhere, which
 * Amplify answers at the next sign-in by starting afresh) ends it.
 */
import { configureAmplify } from '@/lib/auth-config'
import { fetchDevices, forgetDevice, rememberDevice } from 'aws-amplify/auth'
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito'

export interface Device {
  id: string
  /** What the client sent as the device's name: for Amplify, the browser's user agent. */
  name: string
  lastSignIn: Date | undefined
  /** Remembered: signs in without the MFA code. Otherwise only tracked (a pool that asks first). */
  remembered: boolean
  /** The device this browser signs in as. */
  thisBrowser: boolean
}

/** The device this browser signs in as, for the user who last signed in here; undefined if none. */
async function thisDeviceKey(): Promise<string | undefined> {
  // The token provider's own record of it: what signIn sends as DEVICE_KEY and
  // forgetDevice() forgets when given no device.
  const metadata = await cognitoUserPoolsTokenProvider.tokenOrchestrator.getDeviceMetadata()
  return metadata?.deviceKey
}

/** The user's devices (Cognito's ListDevices), the most recently used first. */
export async function listDevices(): Promise<Device[]> {
  configureAmplify()
  const [devices, mine] = await Promise.all([fetchDevices(), thisDeviceKey()])
  return devices
    .map((device) => ({
      id: device.id,
      name: device.name ?? '',
      lastSignIn: device.lastAuthenticatedDate ?? device.createDate,
      remembered: device.attributes['dev:device_remembered_status'] !== 'not_remembered',
      thisBrowser: device.id === mine,
    }))
    .sort((a, b) => (b.lastSignIn?.getTime() ?? 0) - (a.lastSignIn?.getTime() ?? 0))
}

/** Remembers the device this browser just signed in as (UpdateDeviceStatus), so it skips the code. */
export async function rememberThisBrowser(): Promise<void> {
  configureAmplify()
  await rememberDevice()
}

/**
 * Forgets a device (ForgetDevice). Forgetting this browser's also drops the
 * keys Amplify keeps for it: the next sign-in here is a new device's, with the code.
 */
export async function forget(device: Pick<Device, 'id'>): Promise<void> {
  configureAmplify()
  await forgetDevice({ device: { id: device.id } })
}
