/**
 * The pool's default password policy, password checks against the stored SRP
 * verifier, and Cognito's sign-in lockout.
 */
import { CognitoError, INCORRECT_CREDENTIALS, notAuthorized } from './errors.ts'
import type { UserRecord } from './data.ts'
import { poolName } from './data.ts'
import { computeVerifier, createVerifier } from './srp.ts'
import { safeEqual } from './bytes.ts'

// Cognito's accepted symbols: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/

/** Cognito's InvalidPasswordException for the first rule the password breaks, or null. */
export function passwordPolicyError(password: string): CognitoError | null {
  const fail = (rule: string) =>
    new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${rule}`)
  if (password.length < 8) return fail('Password not long enough')
  if (!/[a-z]/.test(password)) return fail('Password must have lowercase characters')
  if (!/[A-Z]/.test(password)) return fail('Password must have uppercase characters')
  if (!/[0-9]/.test(password)) return fail('Password must have numeric characters')
  if (!SYMBOLS.test(password)) return fail('Password must have symbol characters')
  return null
}

export function assertPasswordPolicy(password: unknown): string {
  if (typeof password !== 'string' || password.length === 0) {
    throw new CognitoError('InvalidParameterException', 'Missing required parameter PASSWORD')
  }
  const error = passwordPolicyError(password)
  if (error) throw error
  return password
}

export async function setPassword(
  user: UserRecord,
  userPoolId: string,
  password: string,
  now: number,
) {
  user.password = await createVerifier(poolName(userPoolId), user.username, password)
  user.failedSignIns = 0
  user.lockedUntil = 0
  user.updatedAt = now
}

export async function passwordMatches(user: UserRecord, userPoolId: string, password: string) {
  if (user.password.verifier === '') return false // signed up without a password
  const verifier = await computeVerifier(
    poolName(userPoolId),
    user.username,
    password,
    user.password.salt,
  )
  return safeEqual(verifier, user.password.verifier)
}

// After five failures in a row Cognito locks sign-in for 1 s, doubling with
// each further failure up to about 15 minutes.
const FREE_ATTEMPTS = 5
const MAX_LOCK_MS = 15 * 60 * 1000

export function assertNotLockedOut(user: UserRecord, now: number) {
  if (user.lockedUntil > now) throw notAuthorized('Password attempts exceeded')
}

export function recordFailedSignIn(user: UserRecord, now: number): CognitoError {
  user.failedSignIns += 1
  if (user.failedSignIns >= FREE_ATTEMPTS) {
    user.lockedUntil = now + Math.min(1000 * 2 ** (user.failedSignIns - FREE_ATTEMPTS), MAX_LOCK_MS)
  }
  return notAuthorized(INCORRECT_CREDENTIALS)
}

export function recordSuccessfulSignIn(user: UserRecord) {
  user.failedSignIns = 0
  user.lockedUntil = 0
}

/** Checks a clear-text password (USER_PASSWORD_AUTH, ADMIN_*_AUTH, ChangePassword). */
export async function checkPassword(
  user: UserRecord,
  userPoolId: string,
  password: unknown,
  now: number,
) {
  assertNotLockedOut(user, now)
  if (typeof password !== 'string' || !(await passwordMatches(user, userPoolId, password))) {
    throw recordFailedSignIn(user, now)
  }
  recordSuccessfulSignIn(user)
}
