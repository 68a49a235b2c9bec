/**
 * The Cognito calls the auth screens make: sign-in, sign-up and its
 * confirmation, password reset and change, account deletion. Amplify's code
 * for them is in `auth-flows.ts`, loaded on first use, so returning users never
 * download it. Errors are passed through as Amplify throws them (`name` is
 * Cognito's error type); the auth feature turns them into messages.
 */
import { env, type MfaMethod } from '@/config/env'
import { checkSession, endSession, signOutQuietly } from '@/lib/auth'
import type { MfaSetting, SignInStep } from './auth-steps'

export type { MfaMethod, MfaPolicy } from '@/config/env'
export type { MfaSetting, SignInStep } from './auth-steps'

const loadFlows = () =>
  import('./auth-flows').then((flows) => {
    flows.configureAmplify()
    return flows
  })

/** Starts loading the sign-in and account-change code; the auth routes call it with their chunk. */
export async function preloadAuthFlows(): Promise<void> {
  await loadFlows()
}

/** False when Cognito says the configured pool doesn't exist; undefined when it can't tell. */
async function userPoolExists(): Promise<boolean | undefined> {
  const region = env().userPoolId.split('_')[0]
  const endpoint = env().cognitoEndpoint ?? `https://cognito-idp.${region}.amazonaws.com`
  try {
    const response = await fetch(`${endpoint}/${env().userPoolId}/.well-known/jwks.json`)
    if (response.ok) return true
    return response.status === 404 || response.status === 400 ? false : undefined
  } catch {
    return undefined
  }
}

/** Signs in with the password; the step that follows, if Cognito asks for one. */
export async function signInWithPassword(email: string, password: string): Promise<SignInStep> {
  const flows = await loadFlows()
  let step
  try {
    step = await signInOverLeftovers(() => flows.signInStep(email, password, env().authFlow))
  } catch (error) {
    // SRP with a wrong pool id fails like a wrong password: tell them apart by asking
    // whether the pool exists (its public keys are published without authentication).
    if (error instanceof Error && error.name === 'NotAuthorizedException') {
      if ((await userPoolExists()) === false) {
        throw Object.assign(new Error(`User pool ${env().userPoolId} does not exist.`), {
          name: 'ResourceNotFoundException',
        })
      }
    }
    throw error
  }
  if (step.name === 'done') await checkSession()
  return step
}

/**
 * Runs `signIn`; over tokens left by a session this tab thought had ended, signs
 * them out and runs it once more, with the typed credentials. Once only: if the
 * sign-out couldn't clear them (storage refusing writes), a second try would
 * fail the same way, for ever, so the refusal is reported instead.
 */
async function signInOverLeftovers<T>(signIn: () => Promise<T>): Promise<T> {
  try {
    return await signIn()
  } catch (error) {
    if (!(error instanceof Error && error.name === 'UserAlreadyAuthenticatedException')) throw error
    await signOutQuietly()
    return signIn()
  }
}

/**
 * Answers the step `email`'s sign-in is at (a new password, a code, a choice),
 * whichever sign-in screen started it; the step after it. With
 * `rememberBrowser`, a sign-in that this answer completes also remembers the
 * device Cognito just gave this browser, before the session is announced.
 */
export async function continueSignIn(
  response: string,
  email: string,
  { rememberBrowser = false } = {},
): Promise<SignInStep> {
  const step = await (await loadFlows()).confirmSignInStep(response, email)
  if (step.name === 'done') {
    if (rememberBrowser) await rememberThisBrowser()
    await checkSession()
  }
  return step
}

async function rememberThisBrowser() {
  try {
    await (await import('./devices')).rememberThisBrowser()
  } catch {
    // The user is signed in either way: this browser just isn't remembered, and
    // the next sign-in asks for the code again (the account page shows it so).
  }
}

/**
 * Creates the account, with the attributes the pool requires (VITE_SIGN_UP_ATTRIBUTES);
 * the code goes to the email. The password is kept only by Amplify, for autoSignIn.
 */
export async function signUpWithEmail(
  email: string,
  password: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  await (await loadFlows()).signUpStep(email, password, env().authFlow, attributes)
}

/** Confirms the code; 'signed-in' when Amplify could sign in with the password given at sign-up. */
export async function confirmSignUpCode(
  email: string,
  code: string,
): Promise<'signed-in' | 'confirmed'> {
  const flows = await loadFlows()
  if ((await flows.confirmSignUpStep(email, code)) !== 'COMPLETE_AUTO_SIGN_IN') return 'confirmed'
  const { nextStep } = await flows.autoSignIn()
  if (nextStep.signInStep !== 'DONE') return 'confirmed'
  await checkSession()
  return 'signed-in'
}

export async function resendConfirmationCode(email: string): Promise<void> {
  await (await loadFlows()).resendSignUpCode({ username: email })
}

export async function requestPasswordReset(email: string): Promise<void> {
  await (await loadFlows()).resetPassword({ username: email })
}

export async function confirmPasswordReset(email: string, code: string, newPassword: string) {
  await (
    await loadFlows()
  ).confirmResetPassword({ username: email, confirmationCode: code, newPassword })
}

export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  await (await loadFlows()).updatePassword({ oldPassword, newPassword })
}

export async function deleteAccount(): Promise<void> {
  await (await loadFlows()).deleteUser()
  endSession('account-deleted')
}

/** The signed-in user's MFA factors and the one asked first. */
export async function getMfaPreference() {
  return (await loadFlows()).mfaPreference()
}

/** A new authenticator-app key for the signed-in user, and its otpauth link for a QR code. */
export async function startTotpSetup(email: string): Promise<{ secret: string; uri: string }> {
  return (await loadFlows()).totpSetup(email)
}

/** Verifies the app's first code and turns the factor on; `prefer` makes it the one asked first. */
export async function finishTotpSetup(code: string, prefer: boolean): Promise<void> {
  await (await loadFlows()).totpVerify(code, prefer)
}

export async function setMfaMethod(method: MfaMethod, setting: MfaSetting): Promise<void> {
  await (await loadFlows()).setMfaPreference(method, setting)
}
