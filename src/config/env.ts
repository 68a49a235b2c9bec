/**
 * Every setting the app reads, parsed and checked once, on first use. The rest
 * of the app calls `env()` and never touches `import.meta.env`; the one exception is
 * VITE_SIGN_UP_ATTRIBUTES, which only the sign-up screens need, so it is read
 * by sign-up-attributes.ts, in their code rather than in every page's.
 */

import { parseSignInMethods, type SignInMethod } from './sign-in-methods'

export { passwordless, type SignInMethod } from './sign-in-methods'

export type AuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH'

/** A second sign-in factor, in Amplify's names. */
export type MfaMethod = 'TOTP' | 'SMS' | 'EMAIL'

/** How the user pool does MFA, as its administrator set it (the app can't read it from Cognito). */
export interface MfaPolicy {
  mode: 'off' | 'optional' | 'on'
  /** The factors the pool offers. */
  methods: MfaMethod[]
}

/**
 * How the user pool remembers devices (its DeviceConfiguration, which a
 * browser can't read): not at all, every signed-in browser
 * (DeviceOnlyRememberedOnUserPrompt false), or the ones the user ticks
 * "Remember this browser" for (true).
 */
export type DeviceMode = 'off' | 'always' | 'prompt'

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
  /** What the MFA step and the account page offer; in local mode the emulator's pool is asked instead. */
  devices: DeviceMode
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

  let signInMethods: SignInMethod[]
  try {
    signInMethods = parseSignInMethods(text('VITE_SIGN_IN_METHODS'))
  } catch (error) {
    throw new EnvError((error as Error).message)
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

  const devices = (text('VITE_DEVICES') ?? 'off').toLowerCase()
  if (devices !== 'off' && devices !== 'always' && devices !== 'prompt') {
    throw new EnvError(`VITE_DEVICES must be off, always or prompt, not "${devices}".`)
  }

  return {
    localMode: raw.VITE_LOCAL_AWS === 'true' || raw.VITE_LOCAL_AWS === true,
    userPoolId,
    userPoolClientId: required('VITE_USER_POOL_CLIENT_ID'),
    cognitoEndpoint: absolute(text('VITE_COGNITO_ENDPOINT'), origin, 'VITE_COGNITO_ENDPOINT'),
    apiUrl: required('VITE_API_URL').replace(/\/+$/, ''),
    authFlow,
    apiAuthScheme: scheme,
    localInboxUrl: text('VITE_LOCAL_AWS_INBOX'),
    signInMethods,
    mfa: { mode: mfaMode, methods: mfaMode === 'off' ? [] : mfaMethods },
    devices,
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

let parsed: AppEnv | undefined

/** The app's settings, parsed and checked on first use, then kept. */
export function env(): AppEnv {
  return (parsed ??= parseEnv(import.meta.env))
}
