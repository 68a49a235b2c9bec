// @vitest-environment node
import {
  AdminConfirmSignUpCommand,
  AdminInitiateAuthCommand,
  CompleteWebAuthnRegistrationCommand,
  CreateUserPoolClientCommand,
  DeleteWebAuthnCredentialCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListWebAuthnCredentialsCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import type { WebAuthnPoolConfig } from '../src/cognito/webauthn.ts'
import { PASSWORD, setupCognitoEmulator, uniqueEmail, sdkClient } from './cognito-harness.ts'
import { softAuthenticator, type SoftAuthenticator } from '../src/testing/soft-authenticator.ts'

const emulator = setupCognitoEmulator()
const cognito = sdkClient()
const pool = { UserPoolId: DEFAULT_USER_POOL_ID }
const ORIGIN = 'http://localhost:5173'

async function setRelyingParty({ relyingPartyId, userVerification }: WebAuthnPoolConfig) {
  await cognito.send(
    new SetUserPoolMfaConfigCommand({
      ...pool,
      MfaConfiguration: 'OFF',
      WebAuthnConfiguration: { RelyingPartyId: relyingPartyId, UserVerification: userVerification },
    }),
  )
}

async function allowPasskeys(
  userVerification: WebAuthnPoolConfig['userVerification'] = 'required',
) {
  await cognito.send(
    new UpdateUserPoolCommand({
      ...pool,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
    }),
  )
  await setRelyingParty({ relyingPartyId: 'localhost', userVerification })
}

async function signedIn(ClientId = DEFAULT_CLIENT_ID, email = uniqueEmail()) {
  await cognito
    .send(new SignUpCommand({ ClientId: DEFAULT_CLIENT_ID, Username: email, Password: PASSWORD }))
    .catch(() => undefined) // already signed up, for a second client
  await cognito.send(new AdminConfirmSignUpCommand({ ...pool, Username: email })).catch(() => {})
  const { AuthenticationResult } = await cognito.send(
    new AdminInitiateAuthCommand({
      ...pool,
      ClientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  )
  return { email, AccessToken: AuthenticationResult!.AccessToken! }
}

async function register(
  AccessToken: string,
  authenticator: SoftAuthenticator,
  origin = ORIGIN,
): Promise<{
  options: PublicKeyCredentialCreationOptionsJSON
  credential: RegistrationResponseJSON
}> {
  const { CredentialCreationOptions } = await cognito.send(
    new StartWebAuthnRegistrationCommand({ AccessToken }),
  )
  const options = CredentialCreationOptions as unknown as PublicKeyCredentialCreationOptionsJSON
  const credential = await authenticator.create(options, origin)
  return { options, credential }
}

async function complete(AccessToken: string, credential: RegistrationResponseJSON) {
  return cognito.send(
    new CompleteWebAuthnRegistrationCommand({
      AccessToken,
      Credential: credential as unknown as Record<string, never>,
    }),
  )
}

describe('passkey registration with the AWS SDK', () => {
  it('keeps a verified passkey and lists it with its name, relying party, kind and date', async () => {
    await allowPasskeys()
    const { email, AccessToken } = await signedIn()
    const { options, credential } = await register(AccessToken, softAuthenticator())

    expect(options.rp.id).toBe('localhost')
    expect(options.user.name).toBe(email)
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    })
    await complete(AccessToken, credential)

    const { Credentials } = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken }))
    expect(Credentials).toHaveLength(1)
    expect(Credentials![0]).toMatchObject({
      CredentialId: credential.id,
      FriendlyCredentialName: 'Passkey',
      RelyingPartyId: 'localhost',
      AuthenticatorAttachment: 'platform',
      AuthenticatorTransports: ['internal'],
    })
    expect(Credentials![0]!.CreatedAt).toEqual(new Date(emulator.clock))

    // A second registration tells the browser which passkey the user already has.
    const second = await register(AccessToken, softAuthenticator())
    expect(second.options.excludeCredentials?.map((c) => c.id)).toEqual([credential.id])
  })

  it('pages through a long list and deletes one passkey, leaving the others', async () => {
    await allowPasskeys()
    const { AccessToken } = await signedIn()
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const { credential } = await register(AccessToken, softAuthenticator())
      await complete(AccessToken, credential)
      ids.push(credential.id)
    }
    const first = await cognito.send(
      new ListWebAuthnCredentialsCommand({ AccessToken, MaxResults: 2 }),
    )
    expect(first.Credentials?.map((c) => c.CredentialId)).toEqual(ids.slice(0, 2))
    const rest = await cognito.send(
      new ListWebAuthnCredentialsCommand({ AccessToken, NextToken: first.NextToken }),
    )
    expect(rest.Credentials?.map((c) => c.CredentialId)).toEqual(ids.slice(2))
    expect(rest.NextToken).toBeUndefined()

    await cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: ids[1] }))
    const after = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken }))
    expect(after.Credentials?.map((c) => c.CredentialId)).toEqual([ids[0], ids[2]])
    await expect(
      cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken, CredentialId: ids[1] })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })

  it("never shows or deletes another user's passkeys", async () => {
    await allowPasskeys()
    const owner = await signedIn()
    const other = await signedIn()
    const { credential } = await register(owner.AccessToken, softAuthenticator())
    await complete(owner.AccessToken, credential)

    const listed = await cognito.send(
      new ListWebAuthnCredentialsCommand({ AccessToken: other.AccessToken }),
    )
    expect(listed.Credentials).toEqual([])
    await expect(
      cognito.send(
        new DeleteWebAuthnCredentialCommand({
          AccessToken: other.AccessToken,
          CredentialId: credential.id,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })
})

describe('passkey registration refusals', () => {
  it('refuses while the pool does not allow passkeys, or has no relying party', async () => {
    const { AccessToken } = await signedIn()
    await expect(
      cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken })),
    ).rejects.toMatchObject({ name: 'WebAuthnNotEnabledException' })

    await cognito.send(
      new UpdateUserPoolCommand({
        ...pool,
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
      }),
    )
    await expect(
      cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken })),
    ).rejects.toMatchObject({ name: 'WebAuthnConfigurationMissingException' })
  })

  it('refuses a credential made on a foreign site, for another relying party, or without user verification', async () => {
    await allowPasskeys('required')
    const { AccessToken } = await signedIn()

    const foreign = await register(AccessToken, softAuthenticator(), 'https://evil.example')
    await expect(complete(AccessToken, foreign.credential)).rejects.toMatchObject({
      name: 'WebAuthnOriginNotAllowedException',
    })

    const { CredentialCreationOptions } = await cognito.send(
      new StartWebAuthnRegistrationCommand({ AccessToken }),
    )
    const options = CredentialCreationOptions as unknown as PublicKeyCredentialCreationOptionsJSON
    const otherRp = await softAuthenticator().create(
      { ...options, rp: { ...options.rp, id: 'other.localhost' } },
      ORIGIN,
    )
    await expect(complete(AccessToken, otherRp)).rejects.toMatchObject({
      name: 'WebAuthnRelyingPartyMismatchException',
    })

    const noPin = await register(AccessToken, softAuthenticator({ verifiesUser: false }))
    await expect(complete(AccessToken, noPin.credential)).rejects.toMatchObject({
      name: 'WebAuthnCredentialNotSupportedException',
    })

    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken }))
    expect(listed.Credentials).toEqual([])
  })

  it('accepts a key without user verification when the pool only prefers it', async () => {
    await allowPasskeys('preferred')
    const { AccessToken } = await signedIn()
    const { credential } = await register(AccessToken, softAuthenticator({ verifiesUser: false }))
    await complete(AccessToken, credential)
    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken }))
    expect(listed.Credentials).toHaveLength(1)
  })

  it('refuses a tampered attestation, an answer to an old or used challenge, and a late one', async () => {
    await allowPasskeys()
    const { AccessToken } = await signedIn()

    const tampered = await register(AccessToken, softAuthenticator())
    const clientData = JSON.parse(
      Buffer.from(tampered.credential.response.clientDataJSON, 'base64url').toString(),
    ) as Record<string, string>
    clientData.challenge = Buffer.from('forged').toString('base64url')
    tampered.credential.response.clientDataJSON = Buffer.from(JSON.stringify(clientData)).toString(
      'base64url',
    )
    await expect(complete(AccessToken, tampered.credential)).rejects.toMatchObject({
      name: 'InvalidParameterException',
    })

    const old = await register(AccessToken, softAuthenticator())
    const current = await register(AccessToken, softAuthenticator())
    await expect(complete(AccessToken, old.credential)).rejects.toMatchObject({
      name: 'InvalidParameterException',
    })
    // The failed attempt used up the registration in progress.
    await expect(complete(AccessToken, current.credential)).rejects.toMatchObject({
      name: 'WebAuthnChallengeNotFoundException',
    })

    const late = await register(AccessToken, softAuthenticator())
    emulator.advance(3 * 60 * 1000 + 1)
    await expect(complete(AccessToken, late.credential)).rejects.toMatchObject({
      name: 'WebAuthnChallengeNotFoundException',
    })
  })

  it("refuses to complete with another app client's token what one client started", async () => {
    await allowPasskeys()
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        ...pool,
        ClientName: 'second',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
    const first = await signedIn()
    const second = await signedIn(UserPoolClient!.ClientId!, first.email)
    const { credential } = await register(first.AccessToken, softAuthenticator())
    await expect(complete(second.AccessToken, credential)).rejects.toMatchObject({
      name: 'WebAuthnClientMismatchException',
    })
  })
})

describe('the pool settings for choice-based sign-in', () => {
  it('reads back the plan and first factors UpdateUserPool set', async () => {
    const initial = await cognito.send(new DescribeUserPoolCommand(pool))
    expect(initial.UserPool).toMatchObject({
      UserPoolTier: 'ESSENTIALS',
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    })
    await cognito.send(
      new UpdateUserPoolCommand({
        ...pool,
        Policies: {
          SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] },
        },
      }),
    )
    const updated = await cognito.send(new DescribeUserPoolCommand(pool))
    expect(updated.UserPool?.Policies?.SignInPolicy?.AllowedFirstAuthFactors).toEqual([
      'PASSWORD',
      'EMAIL_OTP',
      'WEB_AUTHN',
    ])
  })

  it('keeps the relying party through later MFA changes, and checks its values', async () => {
    await setRelyingParty({ relyingPartyId: 'Example.COM', userVerification: 'preferred' })
    await cognito.send(
      new SetUserPoolMfaConfigCommand({
        ...pool,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    )
    const read = await cognito.send(new GetUserPoolMfaConfigCommand(pool))
    expect(read.WebAuthnConfiguration).toEqual({
      RelyingPartyId: 'example.com',
      UserVerification: 'preferred',
    })
    await expect(
      cognito.send(
        new SetUserPoolMfaConfigCommand({
          ...pool,
          MfaConfiguration: 'OFF',
          WebAuthnConfiguration: { RelyingPartyId: 'https://example.com/' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
    // The refused call changed nothing, MFA included.
    const after = await cognito.send(new GetUserPoolMfaConfigCommand(pool))
    expect(after).toMatchObject({ MfaConfiguration: 'OPTIONAL' })
  })

  it('keeps passwordless factors off the Lite plan, and PASSWORD always allowed', async () => {
    await expect(
      cognito.send(
        new UpdateUserPoolCommand({
          ...pool,
          UserPoolTier: 'LITE',
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'FeatureUnavailableInTierException' })
    await expect(
      cognito.send(
        new UpdateUserPoolCommand({
          ...pool,
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['WEB_AUTHN'] } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })

    await cognito.send(new UpdateUserPoolCommand({ ...pool, UserPoolTier: 'LITE' }))
    const { AccessToken } = await signedIn()
    await expect(
      cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken })),
    ).rejects.toMatchObject({ name: 'FeatureUnavailableInTierException' })
  })
})
