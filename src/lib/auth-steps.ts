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
