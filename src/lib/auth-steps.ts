/**
 * The steps of a sign-in after its first factor, in the app's terms. Both the
 * password sign-in (auth-flows.ts) and the choice-based one (passwordless.ts)
 * map Amplify's next step here, so the same step screens take either.
 */
import type { SignInOutput } from 'aws-amplify/auth'
import type { MfaMethod } from '@/config/env'

/**
 * Where a sign-in stands after each answer to Cognito: signed in, or the next
 * step the user must take. Every step Amplify's signIn returns for a password
 * sign-in has one; anything else is `unsupported`, naming what was asked.
 */
export type SignInStep =
  | { name: 'done' }
  | { name: 'confirm-sign-up' }
  /** An administrator reset the password: a code was e-mailed. */
  | { name: 'reset-password' }
  /** An invited user's first sign-in, with the temporary password. */
  | { name: 'new-password' }
  | { name: 'mfa-code'; method: MfaMethod; destination?: string }
  /** MFA is required and not set up yet: add the account to an authenticator app. */
  | { name: 'totp-setup'; secret: string; uri: string }
  | { name: 'email-setup' }
  /** A choice among the user's factors, or (setup) among those the pool lets them set up. */
  | { name: 'choose-mfa'; methods: MfaMethod[]; setup: boolean }
  | { name: 'unsupported'; step: string }

/** How a factor is turned on, off, or made the one asked first. */
export type MfaSetting = 'ENABLED' | 'DISABLED' | 'PREFERRED'

/** The name authenticator apps list the account under, with the e-mail address. */
export const TOTP_ISSUER = 'Projects console'

/** Amplify's next step for `username`'s sign-in, as a step of this app. */
export function toSignInStep(next: SignInOutput['nextStep'], username: string): SignInStep {
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
      const uri = details.getSetupUri(TOTP_ISSUER, username).toString()
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

/** Amplify throws for a challenge it doesn't know; that is a step this app can't take either. */
export function unaddressedChallenge(error: unknown): SignInStep {
  const message = error instanceof Error ? error.message : ''
  const named = /(\w+) challengeName returned by the underlying service was not addressed/.exec(
    message,
  )
  if (error instanceof Error && error.name === 'SignInException' && named?.[1]) {
    return { name: 'unsupported', step: named[1] }
  }
  throw error
}
