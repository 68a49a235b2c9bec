// @vitest-environment node
import {
  confirmResetPassword,
  confirmSignUp,
  fetchAuthSession,
  resetPassword,
  signIn,
  signUp,
} from 'aws-amplify/auth'
import { Hub } from 'aws-amplify/utils'
import { describe, expect, it } from 'vitest'
import { DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { PASSWORD, callCognito, setupCognitoEmulator, uniqueEmail } from './cognito-harness.ts'
import { configureAmplify, setupAmplify } from './amplify-harness.ts'

const emulator = setupCognitoEmulator()
const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }

const { registered } = setupAmplify(emulator)

async function createClient(settings: object) {
  const { body } = await callCognito('CreateUserPoolClient', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    ClientName: 'test-client',
    ...settings,
  })
  return String((body.UserPoolClient as { ClientId: string }).ClientId)
}

describe('sign-in errors through Amplify', () => {
  it('refuses a wrong password over SRP and over USER_PASSWORD_AUTH with the same message', async () => {
    const email = await registered()
    await expect(signIn({ username: email, password: 'Wr0ng-password!' })).rejects.toMatchObject(
      INCORRECT,
    )
    await expect(
      signIn({
        username: email,
        password: 'Wr0ng-password!',
        options: { authFlowType: 'USER_PASSWORD_AUTH' },
      }),
    ).rejects.toMatchObject(INCORRECT)
  })

  it('does not reveal whether a user exists', async () => {
    const nobody = uniqueEmail('nobody')
    await expect(signIn({ username: nobody, password: PASSWORD })).rejects.toMatchObject(INCORRECT)
    await expect(
      signIn({
        username: nobody,
        password: PASSWORD,
        options: { authFlowType: 'USER_PASSWORD_AUTH' },
      }),
    ).rejects.toMatchObject(INCORRECT)
  })

  it('sends an unconfirmed user to the confirmation step', async () => {
    const email = uniqueEmail()
    await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email } } })
    const result = await signIn({ username: email, password: PASSWORD })
    expect(result).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } })
  })

  it('locks sign-in after five wrong passwords, even for the right one, until the lockout passes', async () => {
    const email = await registered()
    for (let i = 0; i < 5; i++) {
      await expect(signIn({ username: email, password: `Wr0ng-${i}!` })).rejects.toMatchObject(
        INCORRECT,
      )
    }
    const exceeded = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }
    await expect(signIn({ username: email, password: PASSWORD })).rejects.toMatchObject(exceeded)
    emulator.advance(2_000)
    expect((await signIn({ username: email, password: PASSWORD })).isSignedIn).toBe(true)
  })

  it('rejects a flow the app client does not allow', async () => {
    const email = await registered()
    configureAmplify(await createClient({ ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] }))
    await expect(signIn({ username: email, password: PASSWORD })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    })
    await expect(
      signIn({
        username: email,
        password: PASSWORD,
        options: { authFlowType: 'USER_PASSWORD_AUTH' },
      }),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    })
  })

  it('fails every call of an app client that has a secret', async () => {
    const email = await registered()
    const clientId = await createClient({
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    })
    configureAmplify(clientId)
    const secretError = {
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${clientId}`,
    }
    await expect(signIn({ username: email, password: PASSWORD })).rejects.toMatchObject(secretError)
    await expect(signUp({ username: uniqueEmail(), password: PASSWORD })).rejects.toMatchObject(
      secretError,
    )
  })

  it('names an app client that does not exist', async () => {
    configureAmplify('nosuchclient0000000000000')
    await expect(signIn({ username: uniqueEmail(), password: PASSWORD })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient0000000000000 does not exist.',
    })
  })
})

describe('sign-up and code errors through Amplify', () => {
  it('names the password rule a weak password breaks', async () => {
    await expect(
      signUp({ username: uniqueEmail(), password: 'Lowercase1only' }),
    ).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have symbol characters',
    })
    await expect(signUp({ username: uniqueEmail(), password: 'Sh0rt!' })).rejects.toMatchObject({
      message: 'Password did not conform with policy: Password not long enough',
    })
  })

  it('refuses a second account for the same e-mail, and a user name that is not an e-mail', async () => {
    const email = await registered()
    await expect(
      signUp({ username: email.toUpperCase(), password: PASSWORD }),
    ).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    })
    await expect(signUp({ username: 'just-a-name', password: PASSWORD })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    })
  })

  it('refuses a wrong confirmation code, then too many, and an expired one', async () => {
    const email = uniqueEmail()
    await signUp({ username: email, password: PASSWORD })
    const mismatch = {
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    }
    await expect(
      confirmSignUp({ username: email, confirmationCode: '000000x' }),
    ).rejects.toMatchObject(mismatch)

    emulator.advance(24 * 60 * 60 * 1000 + 1)
    await expect(
      confirmSignUp({ username: email, confirmationCode: emulator.lastCode(email) }),
    ).rejects.toMatchObject({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    })
    for (let i = 0; i < 4; i++) {
      await expect(
        confirmSignUp({ username: email, confirmationCode: 'nope' }),
      ).rejects.toMatchObject(mismatch)
    }
    await expect(
      confirmSignUp({ username: email, confirmationCode: 'nope' }),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
    })
  })

  it('resets a forgotten password with the e-mailed code, and answers alike for an unknown user', async () => {
    const email = await registered()
    const reset = await resetPassword({ username: email })
    expect(reset.nextStep).toMatchObject({ resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE' })
    const code =
      emulator.inbox.find((c) => c.to === email && c.kind === 'forgot-password')?.code ?? ''
    await confirmResetPassword({
      username: email,
      confirmationCode: code,
      newPassword: 'N3w-password!',
    })
    expect((await signIn({ username: email, password: 'N3w-password!' })).isSignedIn).toBe(true)

    const unknown = await resetPassword({ username: uniqueEmail('nobody') })
    expect(unknown.nextStep.codeDeliveryDetails.deliveryMedium).toBe('EMAIL')
  })
})

describe('revoked sessions through Amplify', () => {
  it('ends the session when the refresh token has been revoked', async () => {
    const email = await registered()
    await signIn({ username: email, password: PASSWORD })
    const failures: string[] = []
    const stop = Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'tokenRefresh_failure')
        failures.push(String(payload.data?.error?.message))
    })
    await callCognito('AdminUserGlobalSignOut', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      Username: email,
    })
    const session = await fetchAuthSession({ forceRefresh: true })
    stop()
    expect(session.tokens).toBeUndefined()
    expect(failures).toEqual(['Refresh Token has been revoked'])
  })
})
