// @vitest-environment node
/**
 * Remembered devices, driven by Amplify v6's own client: it confirms the
 * device Cognito hands out (ConfirmDevice with its SRP verifier), proves it
 * at the next sign-in (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER), and lists,
 * remembers and forgets devices. Amplify keeps the device's keys across
 * sign-outs, as a browser does.
 */
import {
  confirmSignIn,
  fetchDevices,
  forgetDevice,
  rememberDevice,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth'
import { Secret, TOTP } from 'otpauth'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { deviceConfigFromSetting } from '../src/device-setting.ts'
import { PASSWORD, callCognito, setupCognitoEmulator, uniqueEmail } from './cognito-harness.ts'
import { setupAmplify } from './amplify-harness.ts'

const emulator = setupCognitoEmulator()
// Amplify names a device from navigator (ConfirmDevice's DeviceName), which Node 20 lacks.
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36'
beforeAll(() => {
  vi.stubGlobal('navigator', { userAgent: USER_AGENT })
  return () => vi.unstubAllGlobals()
})
const { registered } = setupAmplify(emulator)
const UserPoolId = DEFAULT_USER_POOL_ID

const totpCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: emulator.clock })

async function devicesSetting(setting: string) {
  expect((await callCognito('UpdateUserPool', deviceConfigFromSetting(setting))).status).toBe(200)
}

/** A user with an authenticator app, in a pool that requires MFA by it. */
async function mfaUser() {
  const email = await registered(uniqueEmail('device'))
  const answer = await callCognito('SetUserPoolMfaConfig', {
    UserPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  })
  expect(answer.status).toBe(200)
  await signIn({ username: email, password: PASSWORD })
  const { sharedSecret } = await setUpTOTP()
  await verifyTOTPSetup({ code: totpCode(sharedSecret) })
  await updateMFAPreference({ totp: 'PREFERRED' })
  await signOut()
  await callCognito('SetUserPoolMfaConfig', {
    UserPoolId,
    MfaConfiguration: 'ON',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  })
  // A fresh code for each step: move past the 30 s window the last one was in.
  emulator.advance(30_000)
  return { email, secret: sharedSecret }
}

async function signInWithCode(email: string, secret: string) {
  const first = await signIn({ username: email, password: PASSWORD })
  expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
  const done = await confirmSignIn({ challengeResponse: totpCode(secret) })
  expect(done.nextStep.signInStep).toBe('DONE')
  emulator.advance(30_000)
}

function storedDevices(email: string) {
  const user = Object.values(emulator.data.pools[UserPoolId]!.users).find((u) => u.email === email)
  return Object.values(user?.devices ?? {})
}

describe('remembered devices with Amplify', () => {
  it('remembers a browser on the user prompt, then signs in from it with no code', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('prompt')

    await signInWithCode(email, secret)
    // Amplify confirmed the device it was handed; on this pool it isn't remembered yet.
    const [device] = await fetchDevices()
    expect(device).toMatchObject({
      attributes: { 'dev:device_remembered_status': 'not_remembered', device_status: 'valid' },
    })
    expect(device?.name).toBe(USER_AGENT)
    await rememberDevice()
    await signOut()

    const again = await signIn({ username: email, password: PASSWORD })
    expect(again.nextStep.signInStep).toBe('DONE')
    expect(emulator.logs).toContain(`sign-in ${email}: remembered device, no MFA code asked`)
    const devices = await fetchDevices()
    // The same device, proved again, not a new one.
    expect(devices.map((d) => d.id)).toEqual([device?.id])
    expect(devices[0]?.attributes['dev:device_remembered_status']).toBe('remembered')
    expect(devices[0]?.lastAuthenticatedDate?.getTime()).toBe(emulator.clock)
  })

  it('asks for the code again on a known device the user did not choose to remember', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('prompt')
    await signInWithCode(email, secret)
    await signOut()

    await signInWithCode(email, secret)
    // The device was proved (no new one handed out), but it doesn't stand in for the code.
    expect(emulator.logs).toContain(`sign-in ${email}: device proved (not remembered)`)
    expect(storedDevices(email)).toHaveLength(1)
  })

  it('remembers every device when the pool always does, with no prompt', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('always')
    await signInWithCode(email, secret)
    await signOut()
    const again = await signIn({ username: email, password: PASSWORD })
    expect(again.nextStep.signInStep).toBe('DONE')
  })

  it('still asks for the code on a remembered device when the pool says so (keep-mfa)', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('always:keep-mfa')
    await signInWithCode(email, secret)
    await signOut()
    await signInWithCode(email, secret)
    expect(emulator.logs).toContain(`sign-in ${email}: device proved (remembered)`)
  })

  it('refuses a device whose secret does not match its verifier', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('always')
    await signInWithCode(email, secret)
    await signOut()
    // The verifier of some other secret: what a copied device key without its secret amounts to.
    const [device] = storedDevices(email)
    device!.verifier = 'ab'.repeat(384)

    await expect(signIn({ username: email, password: PASSWORD })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    })
    expect(emulator.logs).toContain(`sign-in ${email}: wrong device secret`)
  })

  it('forgets this device: the next sign-in asks for the code, with no error, and makes a new one', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('always')
    await signInWithCode(email, secret)
    const [before] = await fetchDevices()
    await forgetDevice()
    expect(await fetchDevices()).toEqual([])
    await signOut()

    // Amplify dropped the device's keys with it, so this sign-in names none and gets a new one.
    await signInWithCode(email, secret)
    const after = await fetchDevices()
    expect(after).toHaveLength(1)
    expect(after[0]?.id).not.toBe(before?.id)
  })

  it('a device forgotten elsewhere (by an administrator) asks for the code at the next sign-in', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('always')
    await signInWithCode(email, secret)
    const [device] = await fetchDevices()
    await signOut()
    const forgot = await callCognito('AdminForgetDevice', {
      UserPoolId,
      Username: email,
      DeviceKey: device?.id,
    })
    expect(forgot.status).toBe(200)

    // Amplify still has the keys: Cognito says the device doesn't exist, and
    // Amplify drops them and signs in again, which asks for the code.
    await signInWithCode(email, secret)
    expect(emulator.logs).toContain(`sign-in ${email}: unknown device`)
    expect((await fetchDevices()).map((d) => d.id)).not.toContain(device?.id)
  })

  it('forgets another device of the user by its key', async () => {
    const { email, secret } = await mfaUser()
    await devicesSetting('always')
    await signInWithCode(email, secret)
    const [first] = await fetchDevices()
    await signOut()
    // Another browser: a device Amplify knows nothing of, made with the SDK's calls.
    const other = await callCognito('AdminInitiateAuth', {
      UserPoolId,
      ClientId: 'l0ca1app5pac1ient000000000',
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    })
    expect(other.body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    const tokens = await callCognito('AdminRespondToAuthChallenge', {
      UserPoolId,
      ClientId: 'l0ca1app5pac1ient000000000',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: other.body.Session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCode(secret) },
    })
    const result = tokens.body.AuthenticationResult as {
      AccessToken: string
      NewDeviceMetadata: { DeviceKey: string }
    }
    expect(
      (
        await callCognito('ConfirmDevice', {
          AccessToken: result.AccessToken,
          DeviceKey: result.NewDeviceMetadata.DeviceKey,
          DeviceName: 'Firefox on Windows',
          DeviceSecretVerifierConfig: { Salt: 'AQID', PasswordVerifier: 'BAUG' },
        })
      ).status,
    ).toBe(200)
    emulator.advance(30_000)

    const back = await signIn({ username: email, password: PASSWORD })
    expect(back.nextStep.signInStep).toBe('DONE')
    const listed = await fetchDevices()
    expect(listed.map((d) => d.name)).toContain('Firefox on Windows')
    await forgetDevice({ device: { id: result.NewDeviceMetadata.DeviceKey } })
    expect((await fetchDevices()).map((d) => d.id)).toEqual([first?.id])
  })
})
