/**
 * Amplify's sign-in, sign-up and account-change calls. Only `auth-calls.ts` imports
 * this file, and only lazily: it holds Amplify's SRP maths and sign-up code,
 * which a returning, signed-in user never needs to download. The loader there
 * configures Amplify (`configureAmplify`) before the first call.
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
} from 'aws-amplify/auth'
import type { AuthFlow, MfaMethod } from '@/config/env'
import {
  TOTP_ISSUER,
  toSignInStep,
  unaddressedChallenge,
  type MfaSetting,
  type SignInStep,
} from './auth-steps'

export { configureAmplify } from '@/lib/auth-config'

export {
  autoSignIn,
  confirmResetPassword,
  deleteUser,
  resendSignUpCode,
  resetPassword,
  updatePassword,
}

export async function signInStep(
  username: string,
  password: string,
  authFlowType: AuthFlow,
): Promise<SignInStep> {
  try {
    const { nextStep } = await signIn({ username, password, options: { authFlowType } })
    return toSignInStep(nextStep, username)
  } catch (error) {
    return unaddressedChallenge(error)
  }
}

/** Answers the step `username`'s sign-in is at, whichever screen started it. */
export async function confirmSignInStep(
  challengeResponse: string,
  username: string,
): Promise<SignInStep> {
  try {
    const { nextStep } = await confirmSignIn({ challengeResponse })
    return toSignInStep(nextStep, username)
  } catch (error) {
    return unaddressedChallenge(error)
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

export async function signUpStep(
  email: string,
  password: string,
  authFlowType: AuthFlow,
  attributes: Record<string, string>,
) {
  await signUp({
    username: email,
    password,
    options: { userAttributes: { ...attributes, email }, autoSignIn: { authFlowType } },
  })
}

export async function confirmSignUpStep(username: string, confirmationCode: string) {
  const { nextStep } = await confirmSignUp({ username, confirmationCode })
  return nextStep.signUpStep
}
