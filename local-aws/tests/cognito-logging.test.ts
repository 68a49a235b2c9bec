// @vitest-environment node
import {
  confirmSignUp,
  fetchAuthSession,
  signIn,
  signOut,
  signUp,
  updatePassword,
} from 'aws-amplify/auth'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID } from '../src/defaults.ts'
import { PASSWORD, callCognito, setupCognitoEmulator, uniqueEmail } from './cognito-harness.ts'
import { configureAmplify } from './amplify-harness.ts'

const emulator = setupCognitoEmulator()

describe('secrets stay out of logs and stored state', () => {
  it('never logs or stores a password or a token over a whole session', async () => {
    configureAmplify()
    const email = uniqueEmail()
    const wrong = 'Wr0ng-guess!'
    const changed = 'Chang3d-pass!'
    const secrets: string[] = [PASSWORD, wrong, changed]

    await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email } } })
    await confirmSignUp({ username: email, confirmationCode: emulator.lastCode(email) })
    await expect(signIn({ username: email, password: wrong })).rejects.toThrow(
      'Incorrect username or password.',
    )
    await signIn({ username: email, password: PASSWORD })
    const first = (await fetchAuthSession()).tokens
    const refreshed = (await fetchAuthSession({ forceRefresh: true })).tokens
    await updatePassword({ oldPassword: PASSWORD, newPassword: changed })
    for (const tokens of [first, refreshed]) {
      secrets.push(
        tokens?.idToken?.toString() ?? 'missing',
        tokens?.accessToken.toString() ?? 'missing',
      )
    }
    await signOut()

    const { body } = await callCognito('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: changed },
    })
    const result = body.AuthenticationResult as Record<string, string>
    secrets.push(
      result.IdToken ?? 'missing',
      result.AccessToken ?? 'missing',
      result.RefreshToken ?? 'missing',
    )
    await callCognito('RevokeToken', { ClientId: DEFAULT_CLIENT_ID, Token: result.RefreshToken })

    // Token signatures alone are secrets too: a log must not carry any part of one.
    const fragments = secrets.flatMap((s) =>
      s.includes('.') ? [s, ...s.split('.').slice(1)] : [s],
    )
    const log = emulator.logs.join('\n')
    expect(emulator.logs.length).toBeGreaterThan(5)
    expect(log).toContain(email)
    for (const fragment of fragments) expect(log).not.toContain(fragment)

    const stored = JSON.stringify(emulator.data)
    for (const secret of [PASSWORD, wrong, changed, result.RefreshToken ?? 'missing']) {
      expect(stored).not.toContain(secret)
    }
  })
})
