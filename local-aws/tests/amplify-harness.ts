import { Amplify } from 'aws-amplify'
import { confirmSignUp, signOut, signUp } from 'aws-amplify/auth'
import { afterEach, beforeEach } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { BASE_URL, PASSWORD, uniqueEmail, type Emulator } from './cognito-harness.ts'

/** Points the real Amplify at the emulator (the default client, or `userPoolClientId`). */
export function configureAmplify(userPoolClientId = DEFAULT_CLIENT_ID) {
  Amplify.configure({
    Auth: {
      Cognito: { userPoolId: DEFAULT_USER_POOL_ID, userPoolClientId, userPoolEndpoint: BASE_URL },
    },
  })
}

/**
 * Amplify on the emulator for every test of a file, signed out after each;
 * `registered()` signs a user up and confirms them with the delivered code.
 */
export function setupAmplify(emulator: Emulator) {
  beforeEach(() => configureAmplify())
  afterEach(async () => {
    await signOut().catch(() => undefined)
  })
  return {
    async registered(email = uniqueEmail()) {
      await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email } } })
      await confirmSignUp({ username: email, confirmationCode: emulator.lastCode(email) })
      return email
    },
  }
}
