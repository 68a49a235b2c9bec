/**
 * Every setting the app reads, parsed and checked once. The rest of the app
 * imports `env` and never touches `import.meta.env`.
 */

export type AuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH'

/** The first factors the pool allows, as VITE_SIGN_IN_METHODS names them. */
export type SignInMethod = 'passkey' | 'email-code' | 'password'
const SIGN_IN_METHODS: SignInMethod[] = ['passkey', 'email-code', 'password']

/** A second sign-in factor, in Amplify's names. */
export type MfaMethod = 'TOTP' | 'SMS' | 'EMAIL'

/** How the user pool does MFA, as its administrator set it (the app can't read it from Cognito). */
export interface MfaPolicy {
  mode: 'off' | 'optional' | 'on'
  /** The factors the pool offers. */
  methods: MfaMethod[]
}

export interface AppEnv {
  /** True when the app talks to the local emulator instead of AWS. */
  localMode: boolean
  userPoolId: string
  userPoolClientId: string
  /** Absolute Cognito endpoint when not the regional default (the emulator, a VPC endpoint). */
  cognitoEndpoint: string | undefined
  /** Base of the API, absolute or a path on the app's own origin; no trailing slash. */
  apiUrl: string
  authFlow: AuthFlow
  /** `Authorization: <token>` as API Gateway's Cognito authorizer wants, or `Bearer <token>`. */
  apiAuthScheme: 'raw' | 'bearer'
  /** Where the emulator's inbox is read in local mode. */
  localInboxUrl: string | undefined
  /**
   * How people may sign in. `['password']` (the default) is the password
   * screens; anything more signs in with Cognito's choice-based USER_AUTH.
   */
  signInMethods: SignInMethod[]
  /** What the account page offers; in local mode the emulator's pool is asked instead. */
  mfa: MfaPolicy
}

export class EnvError extends Error {
  override name = 'EnvError'
}

type RawEnv = Record<string, string | boolean | undefined>

const USER_POOL_ID = /^[\w-]+-\d+_[0-9a-zA-Z]+$/

export function parseEnv(raw: RawEnv, origin = globalThis.location?.origin): AppEnv {
  const text = (name: string) => {
    const value = raw[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  const required = (name: string) => {
    const value = text(name)
    if (!value) throw new EnvError(`${name} is not set. See .env.example.`)
    return value
  }

  const userPoolId = required('VITE_USER_POOL_ID')
  if (!USER_POOL_ID.test(userPoolId)) {
    throw new EnvError(
      `VITE_USER_POOL_ID "${userPoolId}" is not a user pool id (it looks like us-east-2_AbC123xyz).`,
    )
  }
  const authFlow = text('VITE_AUTH_FLOW') ?? 'USER_SRP_AUTH'
  if (authFlow !== 'USER_SRP_AUTH' && authFlow !== 'USER_PASSWORD_AUTH') {
    throw new EnvError(
      `VITE_AUTH_FLOW must be USER_SRP_AUTH or USER_PASSWORD_AUTH, not "${authFlow}".`,
    )
  }
  const scheme = (text('VITE_API_AUTH_SCHEME') ?? 'raw').toLowerCase()
  if (scheme !== 'raw' && scheme !== 'bearer') {
    throw new EnvError(`VITE_API_AUTH_SCHEME must be raw or bearer, not "${scheme}".`)
  }

  const methods = (text('VITE_SIGN_IN_METHODS') ?? 'password')
    .split(',')
    .map((m) => m.trim().toLowerCase())
    .filter(Boolean)
  const unknownMethod = methods.find((m) => !SIGN_IN_METHODS.includes(m as SignInMethod))
  if (unknownMethod !== undefined || methods.length === 0) {
    throw new EnvError(
      `VITE_SIGN_IN_METHODS lists ${SIGN_IN_METHODS.join(', ')} (comma-separated), not "${unknownMethod ?? ''}".`,
    )
  }
  if (methods.length === 1 && methods[0] === 'passkey') {
    // A new user needs a first way in before they can add a passkey.
    throw new EnvError('VITE_SIGN_IN_METHODS needs email-code or password besides passkey.')
  }

  const mfaMode = (text('VITE_MFA') ?? 'off').toLowerCase()
  if (mfaMode !== 'off' && mfaMode !== 'optional' && mfaMode !== 'on') {
    throw new EnvError(`VITE_MFA must be off, optional or on, not "${mfaMode}".`)
  }
  const methodNames: Record<string, MfaMethod> = { totp: 'TOTP', sms: 'SMS', email: 'EMAIL' }
  const mfaMethods = (text('VITE_MFA_METHODS') ?? 'totp').split(',').map((name) => {
    const method = methodNames[name.trim().toLowerCase()]
    if (!method) {
      throw new EnvError(`VITE_MFA_METHODS lists totp, sms and email only, not "${name.trim()}".`)
    }
    return method
  })

  return {
    localMode: raw.VITE_LOCAL_AWS === 'true' || raw.VITE_LOCAL_AWS === true,
    userPoolId,
    userPoolClientId: required('VITE_USER_POOL_CLIENT_ID'),
    cognitoEndpoint: absolute(text('VITE_COGNITO_ENDPOINT'), origin, 'VITE_COGNITO_ENDPOINT'),
    apiUrl: required('VITE_API_URL').replace(/\/+$/, ''),
    authFlow,
    apiAuthScheme: scheme,
    localInboxUrl: text('VITE_LOCAL_AWS_INBOX'),
    signInMethods: SIGN_IN_METHODS.filter((m) => methods.includes(m)),
    mfa: { mode: mfaMode, methods: mfaMode === 'off' ? [] : mfaMethods },
  }
}

/** Amplify wants an absolute endpoint; a path means "on this app's origin". */
function absolute(value: string | undefined, origin: string | undefined, name: string) {
  if (!value) return undefined
  // No origin outside a browser (the build's prerendering, which calls no AWS): a path stays one.
  if (origin === undefined && value.startsWith('/')) return value
  try {
    return new URL(value, origin).href.replace(/\/+$/, '')
  } catch {
    throw new EnvError(`${name} "${value}" is not a URL.`)
  }
}

export const env: AppEnv = parseEnv(import.meta.env)

/** True when the app signs in with USER_AUTH: the pool allows more than passwords. */
export const passwordless = (settings: Pick<AppEnv, 'signInMethods'>) =>
  settings.signInMethods.some((m) => m !== 'password')
