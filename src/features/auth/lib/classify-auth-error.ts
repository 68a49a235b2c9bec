/**
 * Turns what Amplify throws (Cognito's error type in `name`, its text in
 * `message`) into the problem a user or a deployer must fix, and the field it
 * concerns. The messages themselves live in `messages/auth-error-messages.ts`.
 */
import type { SignUpAttribute } from '@/config/sign-up-attributes'

export type PasswordRule = 'length' | 'lowercase' | 'uppercase' | 'number' | 'symbol'

export type AuthField = 'email' | 'password' | 'newPassword' | 'code' | 'mfaCode'

export type AuthProblem =
  | { kind: 'missing'; field: AuthField }
  | { kind: 'wrong-credentials'; field: 'password' }
  | { kind: 'wrong-current-password'; field: 'password' }
  | { kind: 'too-many-attempts' }
  | { kind: 'account-exists'; field: 'email' }
  | { kind: 'invalid-email'; field: 'email' }
  | { kind: 'weak-password'; field: 'password' | 'newPassword'; rule: PasswordRule | 'other' }
  | { kind: 'wrong-code'; field: 'code' }
  | { kind: 'expired-code'; field: 'code' }
  /** A sign-in or authenticator-app code that doesn't match. */
  | { kind: 'wrong-mfa-code'; field: 'mfaCode' }
  /** A sign-in step answered too late or after too many wrong codes: sign in again. */
  | { kind: 'challenge-expired' }
  | { kind: 'already-confirmed' }
  | { kind: 'unverified-email'; field: 'email' }
  | { kind: 'session-ended' }
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'config-client-secret' }
  | { kind: 'config-auth-flow' }
  | { kind: 'config-client-id' }
  | { kind: 'config-pool-id' }
  | { kind: 'config-user-auth' }
  | { kind: 'config-plan' }
  | { kind: 'config-passkeys' }
  | { kind: 'passkey-cancelled' }
  | { kind: 'passkey-unsupported' }
  | { kind: 'passkey-exists' }
  | { kind: 'passkey-refused' }
  /** An administrator disabled the account: Cognito says so whatever the password. */
  | { kind: 'account-disabled' }
  | AttributeProblem
  /**
   * The pool's schema and VITE_SIGN_UP_ATTRIBUTES disagree: it requires
   * attributes the sign-up form doesn't ask for (`required`), or has none of
   * some custom attribute the form sends (`undefinedInPool`).
   */
  | { kind: 'config-sign-up-attributes'; required: string[]; undefinedInPool: string[] }
  | { kind: 'unknown'; name: string }

/** A sign-up attribute's field left empty, or not in the form its attribute needs. */
export type AttributeProblem = {
  kind: 'attribute-missing' | 'attribute-invalid'
  field: SignUpAttribute
}

/** Which form asked: the same Cognito error means different things on different forms. */
export type AuthAction =
  | 'sign-in'
  | 'sign-up'
  | 'confirm'
  | 'reset'
  | 'change-password'
  | 'account'
  /** Choice-based sign-in or sign-up (USER_AUTH), and passkey management. */
  | 'passwordless'
  /** A step of sign-in after the password: a new password, an MFA code or set-up. */
  | 'sign-in-step'

const RULES: [RegExp, PasswordRule][] = [
  [/long enough|length/i, 'length'],
  [/lowercase/i, 'lowercase'],
  [/uppercase/i, 'uppercase'],
  [/numeric|number|digit/i, 'number'],
  [/symbol|special/i, 'symbol'],
]

export function classifyAuthError(error: unknown, action: AuthAction): AuthProblem {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  const passwordField =
    action === 'change-password' || action === 'reset' || action === 'sign-in-step'
      ? 'newPassword'
      : 'password'

  if (action === 'sign-in-step') {
    // The step's Session is gone: too late, too many wrong codes, or a reload lost it.
    if (name === 'NotAuthorizedException' && /session/i.test(message)) {
      return { kind: 'challenge-expired' }
    }
    if (name === 'SignInException') return { kind: 'challenge-expired' }
  }
  switch (name) {
    case 'FeatureUnavailableInTierException':
      return { kind: 'config-plan' }
    case 'WebAuthnNotEnabledException':
    case 'WebAuthnConfigurationMissingException':
    case 'WebAuthnRelyingPartyMismatchException':
    case 'WebAuthnOriginNotAllowedException':
      return { kind: 'config-passkeys' }
    // The browser's prompt was closed, or timed out: browsers don't tell the two apart.
    case 'PasskeyAuthenticationCanceled':
    case 'PasskeyRegistrationCanceled':
    case 'PasskeyOperationAborted':
      return { kind: 'passkey-cancelled' }
    case 'PasskeyNotSupported':
      return { kind: 'passkey-unsupported' }
    case 'PasskeyAlreadyExists':
      return { kind: 'passkey-exists' }
    case 'PasskeyRetrievalFailed':
    case 'PasskeyRegistrationFailed':
    case 'WebAuthnCredentialNotSupportedException':
      return { kind: 'passkey-refused' }
    case 'EnableSoftwareTokenMFAException':
      return { kind: 'wrong-mfa-code', field: 'mfaCode' }
    case 'NotAuthorizedException':
      if (/passkey/i.test(message)) return { kind: 'passkey-refused' }
      if (/user is disabled/i.test(message)) return { kind: 'account-disabled' }
      // A code or prompt answered after its 3-minute sign-in session ended.
      if (action === 'passwordless' && /session/i.test(message)) {
        return { kind: 'expired-code', field: 'code' }
      }
      if (/secret hash/i.test(message)) return { kind: 'config-client-secret' }
      if (/attempts exceeded/i.test(message)) return { kind: 'too-many-attempts' }
      if (/cannot be confirmed/i.test(message)) return { kind: 'already-confirmed' }
      if (/access token|refresh token/i.test(message)) return { kind: 'session-ended' }
      if (action === 'change-password') return { kind: 'wrong-current-password', field: 'password' }
      return { kind: 'wrong-credentials', field: 'password' }
    case 'UserNotFoundException':
      // Never say whether an account exists: the same answer as a wrong password.
      if (action === 'confirm' || action === 'reset') return { kind: 'wrong-code', field: 'code' }
      return { kind: 'wrong-credentials', field: 'password' }
    case 'UsernameExistsException':
    case 'AliasExistsException':
      return { kind: 'account-exists', field: 'email' }
    case 'InvalidPasswordException': {
      const rule = RULES.find(([pattern]) => pattern.test(message))?.[1] ?? 'other'
      return { kind: 'weak-password', field: passwordField, rule }
    }
    case 'CodeMismatchException':
      if (action === 'sign-in-step') return { kind: 'wrong-mfa-code', field: 'mfaCode' }
      return { kind: 'wrong-code', field: 'code' }
    case 'ExpiredCodeException':
      return { kind: 'expired-code', field: 'code' }
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return { kind: 'too-many-attempts' }
    case 'ResourceNotFoundException':
      if (/client/i.test(message)) return { kind: 'config-client-id' }
      return { kind: 'config-pool-id' }
    case 'InvalidParameterException':
      if (/flow not enabled/i.test(message)) {
        return action === 'passwordless'
          ? { kind: 'config-user-auth' }
          : { kind: 'config-auth-flow' }
      }
      if (/did not conform to the schema/i.test(message)) return schemaProblem(message)
      if (/invalid phone number/i.test(message)) {
        return { kind: 'attribute-invalid', field: 'phone_number' }
      }
      // A passwordless sign-up on a pool that allows passwords only.
      if (action === 'passwordless' && /PASSWORD/.test(message)) return { kind: 'config-user-auth' }
      if (/already confirmed/i.test(message)) return { kind: 'already-confirmed' }
      if (/registered\/verified email/i.test(message)) {
        return { kind: 'unverified-email', field: 'email' }
      }
      if (/email/i.test(message)) return { kind: 'invalid-email', field: 'email' }
      return { kind: 'unknown', name }
    case 'UserAlreadyAuthenticatedException':
      return { kind: 'unknown', name }
    case 'NetworkError':
      return globalThis.navigator?.onLine === false ? { kind: 'offline' } : { kind: 'unreachable' }
  }
  // An answer that isn't a Cognito error at all (an HTML page, a proxy's 404):
  // the endpoint points somewhere other than Cognito.
  if (name && !name.endsWith('Exception') && name !== 'Error') return { kind: 'unreachable' }
  return { kind: 'unknown', name: name || 'Error' }
}

/**
 * Newer pools name attributes in Cognito's schema errors as SCIM does
 * ("name.formatted: The attribute name.formatted is required", comma-separated);
 * older ones by their own names, a line each ("name: The attribute is required").
 * The SCIM names seen in such errors, back to the attribute names the setting
 * takes; any other is shown as Cognito gives it.
 */
const SCIM_NAMES: Record<string, string> = {
  'name.formatted': 'name',
  'name.givenName': 'given_name',
  'name.familyName': 'family_name',
  phoneNumbers: 'phone_number',
}

/** InvalidParameterException "Attributes did not conform to the schema: …", read for the doctor. */
function schemaProblem(message: string): AuthProblem {
  const named = (pattern: RegExp) => [
    ...new Set([...message.matchAll(pattern)].map(([, name]) => SCIM_NAMES[name!] ?? name!)),
  ]
  const required = named(/([\w.:-]+): The attribute (?:[\w.:-]+ )?is required/g)
  const undefinedInPool = named(/([\w.:-]+): Attribute does not exist in the schema/g)
  if (required.length === 0 && undefinedInPool.length === 0)
    return { kind: 'unknown', name: 'InvalidParameterException' }
  return { kind: 'config-sign-up-attributes', required, undefinedInPool }
}

/** The field a problem belongs next to, if any. */
export function problemField(
  problem: AuthProblem | undefined,
): AuthField | SignUpAttribute | undefined {
  return problem && 'field' in problem ? problem.field : undefined
}

export const isAttributeProblem = (problem: AuthProblem): problem is AttributeProblem =>
  problem.kind === 'attribute-missing' || problem.kind === 'attribute-invalid'
