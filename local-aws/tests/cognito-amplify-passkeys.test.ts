// @vitest-environment jsdom
import {
  associateWebAuthnCredential,
  deleteWebAuthnCredential,
  listWebAuthnCredentials,
  signIn,
} from 'aws-amplify/auth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { setupAmplify } from './amplify-harness.ts'
import { PASSWORD, callCognito, setupCognitoEmulator } from './cognito-harness.ts'
import { softAuthenticator, type SoftAuthenticator } from '../src/testing/soft-authenticator.ts'
import { installWebAuthn } from '../src/testing/webauthn-browser-shim.ts'

const emulator = setupCognitoEmulator()
const { registered } = setupAmplify(emulator)

let authenticator: SoftAuthenticator
let browser: ReturnType<typeof installWebAuthn>

beforeEach(async () => {
  await callCognito('UpdateUserPool', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
  })
  await callCognito('SetUserPoolMfaConfig', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    MfaConfiguration: 'OFF',
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  })
  authenticator = softAuthenticator()
  browser = installWebAuthn(authenticator, 'http://localhost:5173')
})
afterEach(() => browser.uninstall())

describe("Amplify's passkey management against the emulator", () => {
  it('adds a passkey, lists it and deletes it', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })

    await associateWebAuthnCredential()
    const { credentials } = await listWebAuthnCredentials()
    expect(credentials).toEqual([
      expect.objectContaining({
        credentialId: expect.any(String),
        friendlyCredentialName: 'Passkey',
        relyingPartyId: 'localhost',
        authenticatorAttachment: 'platform',
        authenticatorTransports: ['internal'],
        createdAt: expect.any(Date),
      }),
    ])
    expect(credentials[0]!.credentialId).toBe(
      Buffer.from(authenticator.credentials[0]!.id).toString('base64url'),
    )

    await deleteWebAuthnCredential({ credentialId: credentials[0]!.credentialId! })
    expect((await listWebAuthnCredentials()).credentials).toEqual([])
  })

  it('reports a dismissed browser prompt as cancelled and keeps nothing', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    browser.cancelNextPrompt()
    await expect(associateWebAuthnCredential()).rejects.toMatchObject({
      name: 'PasskeyRegistrationCanceled',
    })
    expect((await listWebAuthnCredentials()).credentials).toEqual([])
  })
})
