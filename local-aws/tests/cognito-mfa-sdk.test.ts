// @vitest-environment node
/** The MFA admin and challenge operations through the AWS SDK v3, as a pool's administrator uses them. */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { PASSWORD, setupCognitoEmulator, uniqueEmail, sdkClient } from './cognito-harness.ts'

const emulator = setupCognitoEmulator()
const cognito = sdkClient()
const UserPoolId = DEFAULT_USER_POOL_ID
const ClientId = DEFAULT_CLIENT_ID

const code = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: emulator.clock })

async function confirmedUser(email = uniqueEmail()) {
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  )
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    }),
  )
  return email
}

const adminSignIn = (email: string, password = PASSWORD) =>
  cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId,
      ClientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  )

describe('AWS SDK v3: MFA', () => {
  it('sets and reads the pool MFA configuration, refusing "on" with no factor', async () => {
    expect(await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).toMatchObject({
      MfaConfiguration: 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: false },
    })
    const set = await cognito.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Sign-in code' },
      }),
    )
    expect(set).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Message: 'Your code is {####}', Subject: 'Sign-in code' },
    })
    expect(set.SmsMfaConfiguration).toBeUndefined()
    await expect(
      cognito.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId,
          MfaConfiguration: 'ON',
          SoftwareTokenMfaConfiguration: { Enabled: false },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
    expect(await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
    })
  })

  it('sets up TOTP at an admin sign-in with MFA on, then asks for its code', async () => {
    await cognito.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    )
    const email = await confirmedUser()
    const setup = await adminSignIn(email)
    expect(setup).toMatchObject({
      ChallengeName: 'MFA_SETUP',
      ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
    })
    const associated = await cognito.send(
      new AssociateSoftwareTokenCommand({ Session: setup.Session }),
    )
    const secret = associated.SecretCode ?? ''
    await expect(
      cognito.send(
        new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' }),
      ),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' })
    const verified = await cognito.send(
      new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: code(secret) }),
    )
    expect(verified.Status).toBe('SUCCESS')
    const done = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId,
        ClientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: email },
      }),
    )
    expect(done.AuthenticationResult?.IdToken).toBeTruthy()
    expect(
      await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email })),
    ).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })

    const again = await adminSignIn(email)
    expect(again.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    const signedIn = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId,
        ClientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: again.Session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code(secret) },
      }),
    )
    expect(signedIn.AuthenticationResult?.AccessToken).toBeTruthy()
  })

  it('sends SMS codes to a user with a phone number when MFA is on, without a set-up', async () => {
    await cognito.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        MfaConfiguration: 'ON',
        SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
      }),
    )
    const email = uniqueEmail()
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        TemporaryPassword: PASSWORD,
        UserAttributes: [{ Name: 'phone_number', Value: '+15555550199' }],
      }),
    )
    const first = await adminSignIn(email)
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    const sms = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId,
        ClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'An0ther-pass!' },
      }),
    )
    expect(sms).toMatchObject({
      ChallengeName: 'SMS_MFA',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' },
    })
    const sent = emulator.inbox.at(-1)
    expect(sent).toMatchObject({ to: '+15555550199', kind: 'sms-mfa' })
    const done = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId,
        ClientId,
        ChallengeName: 'SMS_MFA',
        Session: sms.Session,
        ChallengeResponses: { USERNAME: email, SMS_MFA_CODE: sent?.code ?? '' },
      }),
    )
    expect(done.AuthenticationResult?.IdToken).toBeTruthy()
  })

  it('refuses to turn on a factor the user has no way to receive', async () => {
    const email = await confirmedUser()
    for (const settings of [
      { SoftwareTokenMfaSettings: { Enabled: true } },
      { SMSMfaSettings: { Enabled: true } },
    ]) {
      await expect(
        cognito.send(
          new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username: email, ...settings }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidParameterException' })
    }
  })

  it('resets a password: RESET_REQUIRED, a code in the inbox, and sign-in refused until then', async () => {
    const email = await confirmedUser()
    await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId, Username: email }))
    expect(
      await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email })),
    ).toMatchObject({
      UserStatus: 'RESET_REQUIRED',
    })
    expect(emulator.inbox.at(-1)).toMatchObject({ to: email, kind: 'admin-reset' })
    await expect(adminSignIn(email)).rejects.toMatchObject({
      name: 'PasswordResetRequiredException',
    })
  })

  it('re-sends an invitation with a new temporary password, and only to users still invited', async () => {
    const email = uniqueEmail()
    await cognito.send(new AdminCreateUserCommand({ UserPoolId, Username: email }))
    const first = emulator.inbox.at(-1)
    expect(first).toMatchObject({ to: email, kind: 'temporary-password' })
    await cognito.send(
      new AdminCreateUserCommand({ UserPoolId, Username: email, MessageAction: 'RESEND' }),
    )
    const second = emulator.inbox.at(-1)
    expect(second?.code).not.toBe(first?.code)
    await expect(adminSignIn(email, first?.code)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    })
    expect((await adminSignIn(email, second?.code)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    const confirmed = await confirmedUser()
    await expect(
      cognito.send(
        new AdminCreateUserCommand({ UserPoolId, Username: confirmed, MessageAction: 'RESEND' }),
      ),
    ).rejects.toMatchObject({ name: 'UnsupportedUserStateException' })
  })
})
