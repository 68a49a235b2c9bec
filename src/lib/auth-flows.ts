/**
 * Amplify's sign-in, sign-up and account-change calls. Only `auth-calls.ts` imports
 * this file, and only lazily: it holds Amplify's SRP maths and sign-up code,
 * which a returning, signed-in user never needs to download.
 */
import {
  autoSignIn,
  confirmResetPassword,
  confirmSignUp,
  deleteUser,
  resendSignUpCode,
  resetPassword,
  signIn,
  signUp,
  updatePassword,
} from 'aws-amplify/auth'
import type { AuthFlow } from '@/config/env'

export {
  autoSignIn,
  confirmResetPassword,
  deleteUser,
  resendSignUpCode,
  resetPassword,
  updatePassword,
}

export async function signInStep(username: string, password: string, authFlowType: AuthFlow) {
  const { nextStep } = await signIn({ username, password, options: { authFlowType } })
  return nextStep.signInStep
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
