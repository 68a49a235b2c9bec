/**
 * Amplify's sign-in, sign-up and account-change calls. Only `auth-calls.ts` (lazily)
 * and `passwordless.ts` (itself loaded only by the passwordless screens) import
 * this file: it holds Amplify's SRP maths and sign-up code, which a returning,
 * signed-in user never needs to download.
 */
import {
  autoSignIn,
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  deleteUser,
  fetchMFAPreference,
  resendSignUpCode,
  resetPassword,
  setUpTOTP,
  signIn,
  signUp,
  updateMFAPreference,
  updatePassword,
  verifyTOTPSetup,
  type SignInOutput,
} from 'aws-amplify/auth'
import type { AuthFlow, MfaMethod } from '@/config/env'
import type { MfaSetting, SignInStep } from './auth-steps'

export {
  autoSignIn,
  confirmResetPassword,
  deleteUser,
  resendSignUpCode,
  resetPassword,
  updatePassword,
}

/** The name authenticator apps list the account under, with the e-mail address. */
const TOTP_ISSUER = 'Projects console'

// Who is signing in, for the authenticator-app link of a set-up that comes a few steps later.
let signingInAs = ''

export async function signInStep(
  username: string,
  password: string,
  authFlowType: AuthFlow,
): Promise<SignInStep> {
  signingInAs = username
  try {
    const { nextStep } = await signIn({ username, password, options: { authFlowType } })
    return toStep(nextStep)
  } catch (error) {
    return unaddressedChallenge(error)
  }
}

export async function confirmSignInStep(challengeResponse: string): Promise<SignInStep> {
  try {
    const { nextStep } = await confirmSignIn({ challengeResponse })
    return toStep(nextStep)
  } catch (error) {
    return unaddressedChallenge(error)
  }
}

/** Amplify throws for a challenge it doesn't know; that is a step this app can't take either. */
function unaddressedChallenge(error: unknown): SignInStep {
  const message = error instanceof Error ? error.message : ''
  const named = /(\w+) challengeName returned by the underlying service was not addressed/.exec(
    message,
  )
  if (error instanceof Error && error.name === 'SignInException' && named?.[1]) {
    return { name: 'unsupported', step: named[1] }
  }
  throw error
}

/** The step of a sign-in Amplify reports; passwordless.ts reads the steps after a password with it. */
export function toStep(next: SignInOutput['nextStep']): SignInStep {
  switch (next.signInStep) {
    case 'DONE':
      return { name: 'done' }
    case 'CONFIRM_SIGN_UP':
      return { name: 'confirm-sign-up' }
    case 'RESET_PASSWORD':
      return { name: 'reset-password' }
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      // Attributes the pool requires on top of the password: no form here collects them.
      if (next.missingAttributes?.length) {
        return {
          name: 'unsupported',
          step: `${next.signInStep} (${next.missingAttributes.join(', ')})`,
        }
      }
      return { name: 'new-password' }
    case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
      return { name: 'mfa-code', method: 'TOTP' }
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      return { name: 'mfa-code', method: 'SMS', destination: next.codeDeliveryDetails?.destination }
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return {
        name: 'mfa-code',
        method: 'EMAIL',
        destination: next.codeDeliveryDetails?.destination,
      }
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP': {
      const details = next.totpSetupDetails
      const uri = details.getSetupUri(TOTP_ISSUER, signingInAs).toString()
      return { name: 'totp-setup', secret: details.sharedSecret, uri }
    }
    case 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP':
      return { name: 'email-setup' }
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      return { name: 'choose-mfa', methods: next.allowedMFATypes ?? [], setup: false }
    case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
      return { name: 'choose-mfa', methods: next.allowedMFATypes ?? [], setup: true }
    default:
      return { name: 'unsupported', step: next.signInStep }
  }
}

export async function mfaPreference(): Promise<{ enabled: MfaMethod[]; preferred?: MfaMethod }> {
  const { enabled = [], preferred } = await fetchMFAPreference()
  return preferred ? { enabled, preferred } : { enabled }
}

export async function totpSetup(email: string) {
  const details = await setUpTOTP()
  return {
    secret: details.sharedSecret,
    uri: details.getSetupUri(TOTP_ISSUER, email).toString(),
  }
}

/** Checks the app's first code, then turns the factor on (asked first when `prefer`). */
export async function totpVerify(code: string, prefer: boolean) {
  await verifyTOTPSetup({ code })
  await updateMFAPreference({ totp: prefer ? 'PREFERRED' : 'ENABLED' })
}

const PREFERENCE_KEY = { TOTP: 'totp', SMS: 'sms', EMAIL: 'email' } as const

export async function setMfaPreference(method: MfaMethod, setting: MfaSetting) {
  await updateMFAPreference({ [PREFERENCE_KEY[method]]: setting })
}

export async function signUpStep(email: string, password: string, authFlowType: AuthFlow) {
  await signUp({
    username: email,
    password,
    options: { userAttributes: { email }, autoSignIn: { authFlowType } },
  })
}

export async function confirmSignUpStep(username: string, confirmationCode: string) {
  const { nextStep } = await confirmSignUp({ username, confirmationCode })
  return nextStep.signUpStep
}
