// @vitest-environment node
/**
 * Remembered devices through the AWS SDK v3, with the client's half of device
 * SRP written here from Cognito's description (node:crypto, not the
 * emulator's srp.ts), and every device operation in both forms.
 */
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminInitiateAuthCommand,
  AdminListDevicesCommand,
  AdminRespondToAuthChallengeCommand,
  AdminUpdateDeviceStatusCommand,
  ConfirmDeviceCommand,
  DescribeUserPoolCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  ListDevicesCommand,
  SetUserPoolMfaConfigCommand,
  UpdateDeviceStatusCommand,
  UpdateUserPoolCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import {
  PASSWORD,
  callCognito,
  setupCognitoEmulator,
  uniqueEmail,
  sdkClient,
} from './cognito-harness.ts'

const emulator = setupCognitoEmulator()
const cognito = sdkClient()
const UserPoolId = DEFAULT_USER_POOL_ID
const ClientId = DEFAULT_CLIENT_ID

// RFC 5054's 3072-bit group, which Cognito's SRP uses.
const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
)
const g = 2n

/** Java BigInteger's hex: even length, 00 in front when the top bit is set. */
function hex(value: bigint) {
  const h = value.toString(16)
  const even = h.length % 2 ? `0${h}` : h
  return /^[89a-f]/.test(even) ? `00${even}` : even
}
const H = (hexInput: string) =>
  BigInt(`0x${createHash('sha256').update(Buffer.from(hexInput, 'hex')).digest('hex')}`)
const sha = (text: string) => createHash('sha256').update(text).digest('hex')
function modPow(base: bigint, exp: bigint) {
  let result = 1n
  let b = ((base % N) + N) % N
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % N
    b = (b * b) % N
  }
  return result
}
const x = (salt: string, groupKey: string, deviceKey: string, secret: string) =>
  H(hex(BigInt(`0x${salt}`)) + sha(`${groupKey}${deviceKey}:${secret}`))

/** What a client sends ConfirmDevice for a device secret only it knows. */
function verifierConfig(groupKey: string, deviceKey: string, secret: string) {
  const salt = hex(BigInt(`0x${randomBytes(16).toString('hex')}`))
  const verifier = hex(modPow(g, x(salt, groupKey, deviceKey, secret)))
  return {
    Salt: Buffer.from(salt, 'hex').toString('base64'),
    PasswordVerifier: Buffer.from(verifier, 'hex').toString('base64'),
  }
}

/** The client's half of DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER. */
function deviceSrp(groupKey: string, deviceKey: string, secret: string) {
  const a = BigInt(`0x${randomBytes(32).toString('hex')}`)
  const A = modPow(g, a)
  return {
    SRP_A: A.toString(16),
    answer(params: Record<string, string>) {
      const B = BigInt(`0x${params.SRP_B}`)
      const u = H(hex(A) + hex(B))
      const k = H(hex(N) + hex(g))
      const xv = x(params.SALT!, groupKey, deviceKey, secret)
      const S = modPow(B - k * modPow(g, xv), a + u * xv)
      const key = Buffer.from(
        hkdfSync(
          'sha256',
          Buffer.from(hex(S), 'hex'),
          Buffer.from(hex(u), 'hex'),
          'Caldera Derived Key',
          16,
        ),
      )
      const TIMESTAMP = 'Tue Dec 1 10:00:00 UTC 2026'
      const signature = createHmac('sha256', key)
        .update(
          Buffer.concat([
            Buffer.from(groupKey),
            Buffer.from(deviceKey),
            Buffer.from(params.SECRET_BLOCK!, 'base64'),
            Buffer.from(TIMESTAMP),
          ]),
        )
        .digest('base64')
      return {
        USERNAME: params.USERNAME!,
        DEVICE_KEY: deviceKey,
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!,
        PASSWORD_CLAIM_SIGNATURE: signature,
        TIMESTAMP,
      }
    },
  }
}

async function registered(emailMfa = false) {
  const email = uniqueEmail('sdk-device')
  await callCognito('SignUp', {
    ClientId,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  await callCognito('AdminConfirmSignUp', { UserPoolId, Username: email })
  if (emailMfa) {
    const set = await callCognito('AdminSetUserMFAPreference', {
      UserPoolId,
      Username: email,
      EmailMfaSettings: { Enabled: true, PreferredMfa: true },
    })
    expect(set.status).toBe(200)
  }
  return email
}

const passwordSignIn = (email: string, DEVICE_KEY?: string) =>
  cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId,
      ClientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD, ...(DEVICE_KEY ? { DEVICE_KEY } : {}) },
    }),
  )

/** Signs in (MFA e-mailed, when on) and confirms the new device with a secret; returns it all. */
async function newDevice(email: string, name = 'Chrome on Linux') {
  let answer = await passwordSignIn(email)
  if (answer.ChallengeName === 'EMAIL_OTP') {
    answer = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId,
        ClientId,
        ChallengeName: 'EMAIL_OTP',
        Session: answer.Session,
        ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: emulator.lastCode(email) },
      }),
    )
  }
  const result = answer.AuthenticationResult as AuthenticationResultType
  const { DeviceKey = '', DeviceGroupKey = '' } = result.NewDeviceMetadata ?? {}
  const secret = randomBytes(30).toString('base64')
  const confirmed = await cognito.send(
    new ConfirmDeviceCommand({
      AccessToken: result.AccessToken,
      DeviceKey,
      DeviceName: name,
      DeviceSecretVerifierConfig: verifierConfig(DeviceGroupKey, DeviceKey, secret),
    }),
  )
  return { DeviceKey, DeviceGroupKey, secret, AccessToken: result.AccessToken!, confirmed }
}

/** A sign-in naming the device, through both device challenges. */
async function deviceSignIn(
  email: string,
  device: { DeviceKey: string; DeviceGroupKey: string; secret: string },
) {
  const first = await passwordSignIn(email, device.DeviceKey)
  expect(first.ChallengeName).toBe('DEVICE_SRP_AUTH')
  const srp = deviceSrp(device.DeviceGroupKey, device.DeviceKey, device.secret)
  const verifier = await cognito.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId,
      ClientId,
      ChallengeName: 'DEVICE_SRP_AUTH',
      Session: first.Session,
      ChallengeResponses: { USERNAME: email, DEVICE_KEY: device.DeviceKey, SRP_A: srp.SRP_A },
    }),
  )
  expect(verifier.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER')
  return cognito.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId,
      ClientId,
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      Session: verifier.Session,
      ChallengeResponses: srp.answer(verifier.ChallengeParameters as Record<string, string>),
    }),
  )
}

async function trackDevices(config: Record<string, boolean>) {
  await cognito.send(new UpdateUserPoolCommand({ UserPoolId, DeviceConfiguration: config }))
}

/** MFA required, by e-mail; `registered(true)` users have it turned on. */
async function emailMfaOn() {
  await cognito.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId,
      MfaConfiguration: 'ON',
      EmailMfaConfiguration: { Message: 'Code {####}', Subject: 'Code' },
    }),
  )
}

describe('device settings of the pool', () => {
  it('has none until UpdateUserPool gives some, and {} turns tracking off again', async () => {
    const describe = async () =>
      (await cognito.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool
        ?.DeviceConfiguration
    expect(await describe()).toBeUndefined()
    const email = await registered()
    expect((await passwordSignIn(email)).AuthenticationResult?.NewDeviceMetadata).toBeUndefined()

    await trackDevices({ DeviceOnlyRememberedOnUserPrompt: true })
    expect(await describe()).toEqual({
      ChallengeRequiredOnNewDevice: false,
      DeviceOnlyRememberedOnUserPrompt: true,
    })
    const tracked = (await passwordSignIn(email)).AuthenticationResult?.NewDeviceMetadata
    expect(tracked?.DeviceKey).toMatch(/^local-1_[0-9a-f-]{36}$/)
    expect(tracked?.DeviceGroupKey).toMatch(/^-\w{9}$/)

    await trackDevices({})
    expect(await describe()).toBeUndefined()
    expect((await passwordSignIn(email)).AuthenticationResult?.NewDeviceMetadata).toBeUndefined()
  })
})

describe('device SRP', () => {
  it('proves a remembered device, which stands in for the MFA code', async () => {
    await emailMfaOn()
    await trackDevices({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: false,
    })
    const email = await registered(true)
    const device = await newDevice(email)
    expect(device.confirmed.UserConfirmationNecessary).toBe(false)

    const signedIn = await deviceSignIn(email, device)
    expect(signedIn.AuthenticationResult?.AccessToken).toBeTruthy()
    // The proved device is the one in use: no new one.
    expect(signedIn.AuthenticationResult?.NewDeviceMetadata).toBeUndefined()
  })

  it('asks a device the user did not remember for the code after proving it', async () => {
    await emailMfaOn()
    await trackDevices({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: true,
    })
    const email = await registered(true)
    const device = await newDevice(email)
    expect(device.confirmed.UserConfirmationNecessary).toBe(true)

    const asked = await deviceSignIn(email, device)
    expect(asked.ChallengeName).toBe('EMAIL_OTP')
    const done = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId,
        ClientId,
        ChallengeName: 'EMAIL_OTP',
        Session: asked.Session,
        ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: emulator.lastCode(email) },
      }),
    )
    expect(done.AuthenticationResult?.NewDeviceMetadata).toBeUndefined()

    await cognito.send(
      new UpdateDeviceStatusCommand({
        AccessToken: done.AuthenticationResult?.AccessToken,
        DeviceKey: device.DeviceKey,
        DeviceRememberedStatus: 'remembered',
      }),
    )
    expect((await deviceSignIn(email, device)).AuthenticationResult).toBeDefined()
  })

  it('refuses a wrong device secret', async () => {
    await trackDevices({ ChallengeRequiredOnNewDevice: true })
    const email = await registered()
    const device = await newDevice(email)
    await expect(
      deviceSignIn(email, { ...device, secret: 'not the secret' }),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  it('refuses a device key that is not the one the challenge was for', async () => {
    await trackDevices({ ChallengeRequiredOnNewDevice: true })
    const email = await registered()
    const device = await newDevice(email)
    const other = await newDevice(email)
    const first = await passwordSignIn(email, device.DeviceKey)
    await expect(
      cognito.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId,
          ClientId,
          ChallengeName: 'DEVICE_SRP_AUTH',
          Session: first.Session,
          ChallengeResponses: { USERNAME: email, DEVICE_KEY: other.DeviceKey, SRP_A: 'abc' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })

  it("refuses a forgotten device's key, and one the user never confirmed", async () => {
    await trackDevices({ ChallengeRequiredOnNewDevice: true })
    const email = await registered()
    const device = await newDevice(email)
    await cognito.send(
      new ForgetDeviceCommand({ AccessToken: device.AccessToken, DeviceKey: device.DeviceKey }),
    )
    await expect(passwordSignIn(email, device.DeviceKey)).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    })
    const unconfirmed = (await passwordSignIn(email)).AuthenticationResult?.NewDeviceMetadata
    await expect(passwordSignIn(email, unconfirmed?.DeviceKey)).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    })
  })
})

describe('device operations', () => {
  it('lists, gets, updates and forgets with the AccessToken', async () => {
    await trackDevices({ DeviceOnlyRememberedOnUserPrompt: true })
    const email = await registered()
    const one = await newDevice(email, 'Chrome on Linux')
    emulator.advance(1000)
    const two = await newDevice(email, 'Safari on iOS')
    const AccessToken = two.AccessToken

    const page = await cognito.send(new ListDevicesCommand({ AccessToken, Limit: 1 }))
    expect(page.Devices?.map((d) => d.DeviceKey)).toEqual([one.DeviceKey])
    const rest = await cognito.send(
      new ListDevicesCommand({ AccessToken, Limit: 1, PaginationToken: page.PaginationToken }),
    )
    expect(rest.Devices?.map((d) => d.DeviceKey)).toEqual([two.DeviceKey])
    expect(rest.PaginationToken).toBeUndefined()

    const got = await cognito.send(new GetDeviceCommand({ AccessToken, DeviceKey: two.DeviceKey }))
    expect(got.Device?.DeviceAttributes).toEqual([
      { Name: 'device_status', Value: 'valid' },
      { Name: 'device_name', Value: 'Safari on iOS' },
      { Name: 'dev:device_remembered_status', Value: 'not_remembered' },
    ])
    expect(got.Device?.DeviceLastAuthenticatedDate?.getTime()).toBe(emulator.clock)

    await cognito.send(
      new UpdateDeviceStatusCommand({
        AccessToken,
        DeviceKey: two.DeviceKey,
        DeviceRememberedStatus: 'remembered',
      }),
    )
    const remembered = await cognito.send(
      new GetDeviceCommand({ AccessToken, DeviceKey: two.DeviceKey }),
    )
    expect(remembered.Device?.DeviceAttributes).toContainEqual({
      Name: 'dev:device_remembered_status',
      Value: 'remembered',
    })
    await expect(
      cognito.send(
        new UpdateDeviceStatusCommand({
          AccessToken,
          DeviceKey: two.DeviceKey,
          DeviceRememberedStatus: 'forever' as 'remembered',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })

    await cognito.send(new ForgetDeviceCommand({ AccessToken, DeviceKey: one.DeviceKey }))
    const left = await cognito.send(new ListDevicesCommand({ AccessToken }))
    expect(left.Devices?.map((d) => d.DeviceKey)).toEqual([two.DeviceKey])
    await expect(
      cognito.send(new GetDeviceCommand({ AccessToken, DeviceKey: one.DeviceKey })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    })
  })

  it('does the same as an administrator, by user name', async () => {
    await trackDevices({ DeviceOnlyRememberedOnUserPrompt: true })
    const email = await registered()
    const device = await newDevice(email)
    const user = { UserPoolId, Username: email }

    const listed = await cognito.send(new AdminListDevicesCommand(user))
    expect(listed.Devices?.map((d) => d.DeviceKey)).toEqual([device.DeviceKey])
    await cognito.send(
      new AdminUpdateDeviceStatusCommand({
        ...user,
        DeviceKey: device.DeviceKey,
        DeviceRememberedStatus: 'remembered',
      }),
    )
    const got = await cognito.send(
      new AdminGetDeviceCommand({ ...user, DeviceKey: device.DeviceKey }),
    )
    expect(got.Device?.DeviceAttributes).toContainEqual({
      Name: 'dev:device_remembered_status',
      Value: 'remembered',
    })
    await cognito.send(new AdminForgetDeviceCommand({ ...user, DeviceKey: device.DeviceKey }))
    expect((await cognito.send(new AdminListDevicesCommand(user))).Devices).toEqual([])
    await expect(
      cognito.send(new AdminGetDeviceCommand({ ...user, DeviceKey: device.DeviceKey })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    await expect(
      cognito.send(new AdminListDevicesCommand({ UserPoolId, Username: 'nobody@example.com' })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' })
  })

  it("keeps one user's devices from another", async () => {
    await trackDevices({ ChallengeRequiredOnNewDevice: true })
    const ada = await newDevice(await registered())
    const bob = await newDevice(await registered())
    await expect(
      cognito.send(
        new ForgetDeviceCommand({ AccessToken: bob.AccessToken, DeviceKey: ada.DeviceKey }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    await expect(
      cognito.send(
        new ConfirmDeviceCommand({
          AccessToken: bob.AccessToken,
          DeviceKey: ada.DeviceKey,
          DeviceSecretVerifierConfig: { Salt: 'AQID', PasswordVerifier: 'BAUG' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })
})
