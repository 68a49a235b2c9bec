import type { CognitoData } from './data.ts'

export interface DeliveredCode {
  /** An e-mail address, or a phone number for an SMS. */
  to: string
  kind:
    | 'sign-up'
    | 'resend'
    | 'forgot-password'
    | 'admin-reset'
    | 'temporary-password'
    | 'sms-mfa'
    | 'email-mfa'
    | 'sign-in'
  /** A one-time code, or (kind temporary-password) the temporary password itself. */
  code: string
  userPoolId: string
  clientId?: string
}

export interface CognitoContext {
  /** Mutated in place; the caller persists it after each request. */
  data: CognitoData
  /** Epoch ms; injectable so tests can expire codes and tokens. */
  now(): number
  /** Absolute URL the emulator is mounted at; iss = `${issuerBase}/${userPoolId}`. */
  issuerBase: string
  /** The caller puts the code in a local inbox and logs it. */
  deliver(code: DeliveredCode): void
  /** Never called with passwords or tokens. */
  log(line: string): void
}

/** A JSON request body: every operation reads its fields defensively from this. */
export type Body = Record<string, unknown>

export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
