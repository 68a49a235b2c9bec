/**
 * Users of an "email as user name" pool: looked up by email (any case) or by
 * their internal user name (a UUID, also their sub), plus one-time codes.
 */
import type { CognitoContext, DeliveredCode } from './context.ts'
import type { PendingCode, PoolRecord, UserRecord } from './data.ts'
import { CognitoError } from './errors.ts'
import type { FederatedIdentity } from './data.ts'
import { subOf } from './tokens.ts'

const EMAIL = /^[^\s@]+@[^\s@]+$/

export const isEmail = (value: string) => EMAIL.test(value)

export function findUser(pool: PoolRecord, name: unknown): UserRecord | undefined {
  if (typeof name !== 'string' || name === '') return undefined
  const direct = pool.users[name]
  if (direct) return direct
  const email = name.toLowerCase()
  // A federated user shares the e-mail but not the sign-in: only the pool's own users sign in by it.
  return Object.values(pool.users).find((u) => !u.sub && u.email.toLowerCase() === email)
}

/** "someone@example.com" → "s***@e***", as in Cognito's CodeDeliveryDetails. */
export function maskEmail(email: string) {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`
}

export function codeDeliveryDetails(email: string) {
  return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
}

export function sendCode(
  ctx: CognitoContext,
  user: UserRecord,
  kind: DeliveredCode['kind'],
  poolId: string,
  clientId: string | undefined,
  lifetimeMs: number,
): PendingCode {
  const code = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0')
  const pending: PendingCode = { code, expiresAt: ctx.now() + lifetimeMs, failedAttempts: 0 }
  const delivered: DeliveredCode = { to: user.email, kind, code, userPoolId: poolId }
  if (clientId) delivered.clientId = clientId
  ctx.deliver(delivered)
  return pending
}

const MAX_CODE_ATTEMPTS = 5

/** Checks a confirmation/reset code; counts wrong guesses like Cognito's attempt limit. */
export function checkCode(pending: PendingCode | undefined, given: unknown, now: number) {
  if (pending && pending.failedAttempts >= MAX_CODE_ATTEMPTS) {
    throw new CognitoError(
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
    )
  }
  if (!pending || typeof given !== 'string' || given !== pending.code) {
    if (pending) pending.failedAttempts += 1
    throw new CognitoError(
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    )
  }
  if (pending.expiresAt <= now) {
    throw new CognitoError(
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    )
  }
}

/** The attribute holds the flag and the date as JSON values; the IdToken's claim as strings. */
export function identitiesAttribute(identities: FederatedIdentity[]) {
  return JSON.stringify(
    identities.map((identity, index) => ({
      userId: identity.userId,
      providerName: identity.providerName,
      providerType: identity.providerType,
      issuer: identity.issuer,
      primary: index === 0,
      dateCreated: identity.dateCreated,
    })),
  )
}

export function attributeList(user: UserRecord) {
  return [
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: String(user.emailVerified) },
    ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    ...(user.identities
      ? [{ Name: 'identities', Value: identitiesAttribute(user.identities) }]
      : []),
    { Name: 'sub', Value: subOf(user) },
  ]
}

/** Cognito's UserType, as AdminCreateUser and ListUsers return it. */
export function userType(user: UserRecord) {
  return {
    Username: user.username,
    Attributes: attributeList(user),
    UserCreateDate: user.createdAt / 1000,
    UserLastModifiedDate: user.updatedAt / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  }
}

/** Attributes a caller may set besides email/email_verified/sub, which the pool owns. */
export function extraAttributes(list: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!Array.isArray(list)) return out
  for (const item of list as unknown[]) {
    const { Name, Value } = (item ?? {}) as { Name?: unknown; Value?: unknown }
    if (typeof Name !== 'string' || typeof Value !== 'string') continue
    if (Name === 'email' || Name === 'email_verified' || Name === 'sub') continue
    out[Name] = Value
  }
  return out
}

export function attributeValue(list: unknown, name: string): string | undefined {
  if (!Array.isArray(list)) return undefined
  const found = (list as unknown[]).find(
    (item) => (item as { Name?: unknown } | null)?.Name === name,
  )
  const value = (found as { Value?: unknown } | undefined)?.Value
  return typeof value === 'string' ? value : undefined
}
