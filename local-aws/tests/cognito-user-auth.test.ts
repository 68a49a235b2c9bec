// @vitest-environment jsdom
/**
 * Choice-based sign-in (USER_AUTH) proven with Amplify's own client: passkeys
 * through the software authenticator behind navigator.credentials, e-mailed
 * codes from the emulator's inbox, passwords over SRP and in clear.
 */
import {
  associateWebAuthnCredential,
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { configureAmplify, setupAmplify } from './amplify-harness.ts'
import { PASSWORD, callCognito, setupCognitoEmulator, uniqueEmail } from './cognito-harness.ts'
import { softAuthenticator, type SoftAuthenticator } from '../src/testing/soft-authenticator.ts'
import { installWebAuthn } from '../src/testing/webauthn-browser-shim.ts'

const emulator = setupCognitoEmulator()
const { registered } = setupAmplify(emulator)
const pool = { UserPoolId: DEFAULT_USER_POOL_ID }

let authenticator: SoftAuthenticator
let browser: ReturnType<typeof installWebAuthn>

async function allowFactors(factors = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']) {
  const updated = await callCognito('UpdateUserPool', {
    ...pool,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } },
  })
  expect(updated.status).toBe(200)
  const set = await callCognito('SetUserPoolMfaConfig', {
    ...pool,
    MfaConfiguration: 'OFF',
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  })
  expect(set.body.WebAuthnConfiguration).toEqual({
    RelyingPartyId: 'localhost',
    UserVerification: 'required',
  })
}

const userAuth = (username: string, preferredChallenge?: 'WEB_AUTHN' | 'EMAIL_OTP') =>
  signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge } })

function signInCodes(email: string) {
  return emulator.inbox.filter((c) => c.to === email && c.kind === 'sign-in').map((c) => c.code)
}

beforeEach(async () => {
  await allowFactors()
  authenticator = softAuthenticator()
  browser = installWebAuthn(authenticator, 'http://localhost:5173')
})
afterEach(() => browser.uninstall())

describe('passwordless sign-up and passkeys with Amplify', () => {
  it('signs up without a password, is signed in by autoSignIn, adds a passkey and signs in with it', async () => {
    const email = uniqueEmail()
    const up = await signUp({
      username: email,
      options: { userAttributes: { email }, autoSignIn: { authFlowType: 'USER_AUTH' } },
    })
    expect(up.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP')
    const confirmed = await confirmSignUp({
      username: email,
      confirmationCode: emulator.lastCode(email),
    })
    expect(confirmed.nextStep.signUpStep).toBe('COMPLETE_AUTO_SIGN_IN')
    expect(await autoSignIn()).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })

    await associateWebAuthnCredential()
    await signOut()

    // With a passkey, it is the first choice offered.
    const choice = await userAuth(email)
    expect(choice.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
      availableChallenges: ['WEB_AUTHN', 'EMAIL_OTP'],
    })
    expect(await confirmSignIn({ challengeResponse: 'WEB_AUTHN' })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    })
    await signOut()

    expect(await userAuth(email, 'WEB_AUTHN')).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    })
    const { tokens } = await fetchAuthSession()
    expect(tokens?.idToken?.payload.email).toBe(email)
    expect(authenticator.credentials[0]!.counter).toBe(2)
  })

  it('reports a dismissed passkey prompt as cancelled, and goes on with an e-mailed code', async () => {
    const email = uniqueEmail()
    await registered(email)
    await signIn({ username: email, password: PASSWORD })
    await associateWebAuthnCredential()
    await signOut()

    browser.cancelNextPrompt()
    await expect(userAuth(email, 'WEB_AUTHN')).rejects.toMatchObject({
      name: 'PasskeyAuthenticationCanceled',
    })
    // The same sign-in goes on with another factor.
    const code = await confirmSignIn({ challengeResponse: 'EMAIL_OTP' })
    expect(code.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE')
    expect(await confirmSignIn({ challengeResponse: signInCodes(email).at(-1)! })).toMatchObject({
      isSignedIn: true,
    })
  })

  it("refuses another account's passkey, and an answer used once already", async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    await associateWebAuthnCredential()
    await signOut()
    const intruder = softAuthenticator()
    const other = uniqueEmail()
    await registered(other)
    browser.uninstall()
    browser = installWebAuthn(intruder, 'http://localhost:5173')
    await signIn({ username: other, password: PASSWORD })
    await associateWebAuthnCredential()
    await signOut()

    const start = async () => {
      const { body } = await callCognito('InitiateAuth', {
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
      })
      const params = body.ChallengeParameters as { CREDENTIAL_REQUEST_OPTIONS: string }
      return {
        Session: body.Session as string,
        options: JSON.parse(params.CREDENTIAL_REQUEST_OPTIONS),
      }
    }
    const answer = (Session: string, credential: object) =>
      callCognito('RespondToAuthChallenge', {
        ClientId: DEFAULT_CLIENT_ID,
        ChallengeName: 'WEB_AUTHN',
        Session,
        ChallengeResponses: { USERNAME: email, CREDENTIAL: JSON.stringify(credential) },
      })

    // The intruder's authenticator signs the challenge with its own passkey for this site.
    const first = await start()
    const foreign = await intruder.get(
      { ...first.options, allowCredentials: [] },
      'http://localhost:5173',
    )
    expect(await answer(first.Session, foreign)).toMatchObject({
      errorType: 'NotAuthorizedException',
    })

    const second = await start()
    const genuine = await authenticator.get(second.options, 'http://localhost:5173')
    expect((await answer(second.Session, genuine)).body.AuthenticationResult).toBeDefined()
    expect(await answer(second.Session, genuine)).toMatchObject({
      errorType: 'NotAuthorizedException',
    })
  })

  it('refuses a sign-up without a password when the pool allows passwords only', async () => {
    await allowFactors(['PASSWORD'])
    const email = uniqueEmail()
    await expect(
      signUp({ username: email, options: { userAttributes: { email } } }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
  })

  it('never lets a passwordless user in with a password', async () => {
    const email = uniqueEmail()
    await signUp({ username: email, options: { userAttributes: { email } } })
    await confirmSignUp({ username: email, confirmationCode: emulator.lastCode(email) })
    await expect(signIn({ username: email, password: 'Any-Guess-123' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    })
    const choice = await userAuth(email)
    expect(choice.nextStep).toMatchObject({ availableChallenges: ['EMAIL_OTP'] })
  })
})

describe('e-mailed sign-in codes and passwords through USER_AUTH', () => {
  it('signs in with the e-mailed code, after a wrong one', async () => {
    const email = await registered()
    const started = await userAuth(email, 'EMAIL_OTP')
    expect(started.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: {
        deliveryMedium: 'EMAIL',
        destination: expect.stringMatching(/\*\*\*/),
      },
    })
    const [code] = signInCodes(email)
    expect(code).toMatch(/^\d{8}$/)
    const wrong = code === '00000000' ? '11111111' : '00000000'
    await expect(confirmSignIn({ challengeResponse: wrong })).rejects.toMatchObject({
      name: 'CodeMismatchException',
    })
    expect(await confirmSignIn({ challengeResponse: code! })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    })
  })

  it('refuses a code once its challenge has expired', async () => {
    const email = await registered()
    await userAuth(email, 'EMAIL_OTP')
    emulator.advance(3 * 60 * 1000 + 1)
    await expect(
      confirmSignIn({ challengeResponse: signInCodes(email)[0]! }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' })
  })

  it('offers the factors a user has, and signs in with the password chosen from them (SRP and clear)', async () => {
    const email = await registered()
    const choice = await userAuth(email)
    expect(choice.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
      availableChallenges: ['EMAIL_OTP', 'PASSWORD', 'PASSWORD_SRP'],
    })
    const asked = await confirmSignIn({ challengeResponse: 'PASSWORD_SRP' })
    expect(asked.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_PASSWORD')
    expect(await confirmSignIn({ challengeResponse: PASSWORD })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    })
    await signOut()

    expect(
      await signIn({
        username: email,
        password: PASSWORD,
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
      }),
    ).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    await signOut()
    await expect(
      signIn({
        username: email,
        password: 'Wrong-Password-1',
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' },
      }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' })
  })

  it('offers a user with MFA their password only, then asks for the second factor', async () => {
    const email = await registered()
    await callCognito('SetUserPoolMfaConfig', {
      ...pool,
      MfaConfiguration: 'OPTIONAL',
      EmailMfaConfiguration: {},
    })
    await callCognito('AdminSetUserMFAPreference', {
      ...pool,
      Username: email,
      EmailMfaSettings: { Enabled: true, PreferredMfa: true },
    })
    const choice = await userAuth(email, 'EMAIL_OTP')
    expect(choice.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
      availableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    })
    await confirmSignIn({ challengeResponse: 'PASSWORD' })
    const second = await confirmSignIn({ challengeResponse: PASSWORD })
    expect(second.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE')
  })

  it('refuses USER_AUTH from a client without ALLOW_USER_AUTH and on the Lite plan', async () => {
    const email = await registered()
    const created = await callCognito('CreateUserPoolClient', {
      ...pool,
      ClientName: 'srp-only',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    })
    configureAmplify((created.body.UserPoolClient as { ClientId: string }).ClientId)
    await expect(userAuth(email, 'EMAIL_OTP')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    })

    configureAmplify(DEFAULT_CLIENT_ID)
    await callCognito('UpdateUserPool', {
      ...pool,
      UserPoolTier: 'LITE',
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    })
    await expect(userAuth(email)).rejects.toMatchObject({
      name: 'FeatureUnavailableInTierException',
    })
  })
})
