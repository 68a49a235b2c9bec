// @vitest-environment node
/**
 * Every sign-in step Amplify v6 can return for a password sign-in, driven by
 * Amplify's own client against the emulator: invited users, required resets,
 * SMS / e-mail / TOTP codes, MFA type selection and set-up at sign-in.
 */
import {
  confirmResetPassword,
  confirmSignIn,
  fetchMFAPreference,
  resetPassword,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth'
import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import {
  PASSWORD,
  callCognito,
  setupCognitoEmulator,
  uniqueEmail,
  type Emulator,
} from './cognito-harness.ts'
import { setupAmplify } from './amplify-harness.ts'

const emulator = setupCognitoEmulator()
const { registered } = setupAmplify(emulator)

const UserPoolId = DEFAULT_USER_POOL_ID

/** The code an authenticator app shows for this secret at the emulator's time. */
function totpCode(secret: string, at: number) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at })
}

async function poolMfa(
  MfaConfiguration: string,
  factors: { totp?: boolean; sms?: boolean; email?: boolean },
) {
  const answer = await callCognito('SetUserPoolMfaConfig', {
    UserPoolId,
    MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: !!factors.totp },
    ...(factors.sms ? { SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' } } : {}),
    ...(factors.email ? { EmailMfaConfiguration: { Message: 'Code {####}' } } : {}),
  })
  expect(answer.status).toBe(200)
}

function lastDelivered(em: Emulator, to: string, kind: string) {
  const found = em.inbox.filter((c) => c.to === to && c.kind === kind).at(-1)
  if (!found) throw new Error(`no ${kind} was sent to ${to}`)
  return found.code
}

/** Signs in, sets up the authenticator app from the account page's calls, returns the secret. */
async function withTotp(email: string) {
  await signIn({ username: email, password: PASSWORD })
  const { sharedSecret, getSetupUri } = await setUpTOTP()
  expect(getSetupUri('Projects', email).href).toContain(`secret=${sharedSecret}`)
  await verifyTOTPSetup({ code: totpCode(sharedSecret, emulator.clock) })
  await updateMFAPreference({ totp: 'PREFERRED' })
  await signOut()
  return sharedSecret
}

describe('invited users and required resets', () => {
  it('e-mails an invited user a temporary password, then asks for a new one', async () => {
    const email = uniqueEmail('invited')
    await callCognito('AdminCreateUser', { UserPoolId, Username: email })
    const temporary = lastDelivered(emulator, email, 'temporary-password')
    const first = await signIn({ username: email, password: temporary })
    expect(first.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
      missingAttributes: [],
    })
    await expect(confirmSignIn({ challengeResponse: 'short' })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
    })
    expect(await confirmSignIn({ challengeResponse: PASSWORD })).toMatchObject({ isSignedIn: true })
    const user = await callCognito('AdminGetUser', { UserPoolId, Username: email })
    expect(user.body.UserStatus).toBe('CONFIRMED')
  })

  it('asks for a reset after AdminResetUserPassword, which the e-mailed code completes', async () => {
    const email = await registered()
    await callCognito('AdminResetUserPassword', { UserPoolId, Username: email })
    expect((await signIn({ username: email, password: PASSWORD })).nextStep.signInStep).toBe(
      'RESET_PASSWORD',
    )
    const code = lastDelivered(emulator, email, 'admin-reset')
    await confirmResetPassword({
      username: email,
      confirmationCode: code,
      newPassword: 'N3w-pass!',
    })
    expect((await signIn({ username: email, password: 'N3w-pass!' })).isSignedIn).toBe(true)
  })

  it('lets the user ask for a fresh reset code instead (the forgot-password screens)', async () => {
    const email = await registered()
    await callCognito('AdminResetUserPassword', { UserPoolId, Username: email })
    await resetPassword({ username: email })
    const code = lastDelivered(emulator, email, 'forgot-password')
    await confirmResetPassword({
      username: email,
      confirmationCode: code,
      newPassword: 'N3w-pass!',
    })
    expect((await signIn({ username: email, password: 'N3w-pass!' })).isSignedIn).toBe(true)
  })
})

describe('MFA codes at sign-in', () => {
  it('sets up TOTP while signed in, then asks for its code, refusing a wrong one', async () => {
    await poolMfa('OPTIONAL', { totp: true })
    const email = await registered()
    const secret = await withTotp(email)
    expect((await signIn({ username: email, password: PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    )
    const wrong = totpCode(secret, emulator.clock + 10 * 60_000)
    await expect(confirmSignIn({ challengeResponse: wrong })).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    })
    // The same session takes the right code afterwards.
    const done = await confirmSignIn({ challengeResponse: totpCode(secret, emulator.clock) })
    expect(done.isSignedIn).toBe(true)
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
  })

  it('refuses a wrong TOTP code while verifying the set-up', async () => {
    await poolMfa('OPTIONAL', { totp: true })
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    await setUpTOTP()
    await expect(verifyTOTPSetup({ code: '000000' })).rejects.toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
    })
    await expect(updateMFAPreference({ totp: 'ENABLED' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    })
  })

  it('sends an SMS code to the phone number, into the inbox', async () => {
    await poolMfa('OPTIONAL', { sms: true })
    const email = uniqueEmail('sms')
    await callCognito('AdminCreateUser', {
      UserPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: '+15555550123' },
      ],
    })
    await callCognito('AdminSetUserPassword', {
      UserPoolId,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    })
    await callCognito('AdminSetUserMFAPreference', {
      UserPoolId,
      Username: email,
      SMSMfaSettings: { Enabled: true, PreferredMfa: true },
    })
    const first = await signIn({ username: email, password: PASSWORD })
    expect(first.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
      codeDeliveryDetails: { deliveryMedium: 'SMS', destination: '+*******0123' },
    })
    const code = lastDelivered(emulator, '+15555550123', 'sms-mfa')
    expect((await confirmSignIn({ challengeResponse: code })).isSignedIn).toBe(true)
  })

  it('sends an e-mail code, and ends the challenge after five wrong ones', async () => {
    await poolMfa('OPTIONAL', { email: true })
    const email = await registered()
    await callCognito('AdminSetUserMFAPreference', {
      UserPoolId,
      Username: email,
      EmailMfaSettings: { Enabled: true },
    })
    const first = await signIn({ username: email, password: PASSWORD })
    expect(first.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: {
        deliveryMedium: 'EMAIL',
        destination: expect.stringMatching(/\*\*\*@/),
      },
    })
    const code = lastDelivered(emulator, email, 'email-mfa')
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i += 1) {
      await expect(confirmSignIn({ challengeResponse: wrong })).rejects.toMatchObject({
        name: 'CodeMismatchException',
      })
    }
    await expect(confirmSignIn({ challengeResponse: code })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })

  it('refuses a challenge answered after its 3 minutes', async () => {
    await poolMfa('OPTIONAL', { email: true })
    const email = await registered()
    await callCognito('AdminSetUserMFAPreference', {
      UserPoolId,
      Username: email,
      EmailMfaSettings: { Enabled: true },
    })
    await signIn({ username: email, password: PASSWORD })
    emulator.advance(3 * 60_000 + 1)
    await expect(
      confirmSignIn({ challengeResponse: lastDelivered(emulator, email, 'email-mfa') }),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    })
  })

  it('lets a user with several factors and no preference choose one', async () => {
    await poolMfa('OPTIONAL', { totp: true, email: true })
    const email = await registered()
    const secret = await withTotp(email)
    await signIn({ username: email, password: PASSWORD })
    await confirmSignIn({ challengeResponse: totpCode(secret, emulator.clock) })
    await updateMFAPreference({ totp: 'NOT_PREFERRED', email: 'ENABLED' })
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP', 'EMAIL'] })
    await signOut()

    const first = await signIn({ username: email, password: PASSWORD })
    expect(first.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
      allowedMFATypes: ['TOTP', 'EMAIL'],
    })
    const chosen = await confirmSignIn({ challengeResponse: 'EMAIL' })
    expect(chosen.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE')
    const done = await confirmSignIn({
      challengeResponse: lastDelivered(emulator, email, 'email-mfa'),
    })
    expect(done.isSignedIn).toBe(true)
    await signOut()

    await signIn({ username: email, password: PASSWORD })
    expect((await confirmSignIn({ challengeResponse: 'TOTP' })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    )
    expect(
      (await confirmSignIn({ challengeResponse: totpCode(secret, emulator.clock) })).isSignedIn,
    ).toBe(true)
  })

  it('stops asking once the user turns MFA off', async () => {
    await poolMfa('OPTIONAL', { totp: true })
    const email = await registered()
    const secret = await withTotp(email)
    await signIn({ username: email, password: PASSWORD })
    await confirmSignIn({ challengeResponse: totpCode(secret, emulator.clock) })
    await updateMFAPreference({ totp: 'DISABLED' })
    expect(await fetchMFAPreference()).toEqual({ enabled: undefined, preferred: undefined })
    await signOut()
    expect((await signIn({ username: email, password: PASSWORD })).isSignedIn).toBe(true)
  })
})

describe('MFA required for everyone', () => {
  it('makes a user with no factor set up an authenticator app at sign-in', async () => {
    await poolMfa('ON', { totp: true })
    const email = await registered()
    const first = await signIn({ username: email, password: PASSWORD })
    expect(first.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP')
    const details =
      first.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'
        ? first.nextStep.totpSetupDetails
        : undefined
    const secret = details?.sharedSecret ?? ''
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await expect(confirmSignIn({ challengeResponse: '000000' })).rejects.toMatchObject({
      name: 'EnableSoftwareTokenMFAException',
    })
    const done = await confirmSignIn({ challengeResponse: totpCode(secret, emulator.clock) })
    expect(done.isSignedIn).toBe(true)
    expect(await fetchMFAPreference()).toMatchObject({ enabled: ['TOTP'] })
    await signOut()
    expect((await signIn({ username: email, password: PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    )
  })

  it('offers a choice of set-up when the pool allows TOTP and e-mail, and sets up e-mail', async () => {
    await poolMfa('ON', { totp: true, email: true })
    const email = await registered()
    const first = await signIn({ username: email, password: PASSWORD })
    expect(first.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
      allowedMFATypes: ['TOTP', 'EMAIL'],
    })
    const chosen = await confirmSignIn({ challengeResponse: 'EMAIL' })
    expect(chosen.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_EMAIL_SETUP')
    const sent = await confirmSignIn({ challengeResponse: email })
    expect(sent.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE')
    const done = await confirmSignIn({
      challengeResponse: lastDelivered(emulator, email, 'email-mfa'),
    })
    expect(done.isSignedIn).toBe(true)
    expect(await fetchMFAPreference()).toMatchObject({ enabled: ['EMAIL'] })
  })

  it('asks an invited user for a new password, then for the MFA set-up', async () => {
    await poolMfa('ON', { totp: true })
    const email = uniqueEmail('invited')
    await callCognito('AdminCreateUser', {
      UserPoolId,
      Username: email,
      TemporaryPassword: 'T3mporary!',
    })
    await signIn({ username: email, password: 'T3mporary!' })
    const next = await confirmSignIn({ challengeResponse: PASSWORD })
    expect(next.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP')
  })

  it('a new sign-in replaces the challenge an older one was waiting on', async () => {
    await poolMfa('ON', { email: true, totp: true })
    const email = await registered()
    await callCognito('AdminSetUserMFAPreference', {
      UserPoolId,
      Username: email,
      EmailMfaSettings: { Enabled: true },
    })
    const start = () =>
      callCognito('InitiateAuth', {
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD },
      })
    const older = await start()
    const olderCode = lastDelivered(emulator, email, 'email-mfa')
    await start()
    const answer = await callCognito('RespondToAuthChallenge', {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'EMAIL_OTP',
      Session: older.body.Session,
      ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: olderCode },
    })
    expect(answer).toMatchObject({
      errorType: 'NotAuthorizedException',
      body: { message: 'Invalid session for the user.' },
    })
  })
})
