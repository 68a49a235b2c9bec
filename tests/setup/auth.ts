/**
 * Starting a test signed in: a confirmed user in the emulator, signed in
 * through src/lib/auth-calls.ts exactly as the sign-in screen does (SRP by default).
 */
import { afterEach } from 'vitest'
import { signInWithPassword } from '@/lib/auth-calls'
import { DEFAULT_CLIENT_ID } from 'local-aws/defaults'
import { cognito, createUser, latestCode } from './local-aws.ts'

/** Meets the pool's default policy (length, cases, digit, symbol). */
export const TEST_PASSWORD = 'Sunny-Day-42'

let counter = 0
/** A fresh address per call, so tests never collide. */
export function testEmail(prefix = 'user'): string {
  counter += 1
  return `${prefix}-${counter}@example.com`
}

export interface TestUser {
  email: string
  password: string
}

/**
 * A user who signed up and confirmed the e-mailed code, as a real one does, so
 * their email is verified (AdminConfirmSignUp alone leaves it unverified, and
 * Cognito then refuses to reset the password).
 */
export async function createVerifiedUser({
  email = testEmail(),
  password = TEST_PASSWORD,
}: Partial<TestUser> = {}): Promise<TestUser> {
  await createUser({ email, password, confirmed: false })
  await cognito('ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    ConfirmationCode: latestCode(email),
  })
  return { email, password }
}

export async function signInTestUser({
  email = testEmail(),
  password = TEST_PASSWORD,
}: Partial<TestUser> = {}): Promise<TestUser> {
  await createVerifiedUser({ email, password })
  const result = await signInWithPassword(email, password)
  if (result.name !== 'done') throw new Error(`signInTestUser: ${email} was not signed in`)
  return { email, password }
}

/**
 * For a describe block whose tests sign up through the screens: Amplify's
 * `autoSignIn` ignores a call made within 300 ms of the one before (a debounce
 * against React's doubled effects, in its signUpHelpers) and that call's
 * promise never settles. No person signs up twice in 300 ms, but two quick
 * tests in a row do, and the second then hangs on "Confirming…".
 */
export function spaceOutAutoSignIns(): void {
  afterEach(() => new Promise((resolve) => setTimeout(resolve, 300)))
}
