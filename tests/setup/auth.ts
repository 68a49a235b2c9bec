/**
 * Starting a test signed in: a confirmed user in the emulator, signed in
 * through src/lib/auth.ts exactly as the sign-in screen does (SRP by default).
 */
import { forgetSessionState, signInWithPassword } from '@/lib/auth'
import { createUser } from './local-aws.ts'

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

export async function signInTestUser({
  email = testEmail(),
  password = TEST_PASSWORD,
}: Partial<TestUser> = {}): Promise<TestUser> {
  await createUser({ email, password, confirmed: true })
  forgetSessionState()
  const result = await signInWithPassword(email, password)
  if (result !== 'signed-in') throw new Error(`signInTestUser: ${email} was not signed in`)
  return { email, password }
}
