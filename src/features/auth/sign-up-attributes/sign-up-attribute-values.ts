import type { SignUpAttribute } from '@/config/sign-up-attributes'
import type { AttributeProblem } from '../lib/classify-auth-error'

export type AttributeValues = Partial<Record<SignUpAttribute, string>>

/** Cognito's phone number format, E.164: +, the country code, then the number, 15 digits at most. */
const E164 = /^\+[1-9]\d{1,14}$/
/** What a date field gives, and what Cognito's birthdate wants. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * "+81 90-1234-5678" → "+819012345678": numbers are written with spaces,
 * hyphens, dots and brackets, and typed with a Japanese keyboard in
 * full-width digits; Cognito takes the digits only.
 */
export const normalisedPhoneNumber = (typed: string) =>
  typed.normalize('NFKC').replace(/[\s\-.()]/g, '')

function realDate(value: string) {
  const match = DATE.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The value sent for an attribute, as Cognito wants it. */
function sent(attribute: SignUpAttribute, typed: string | undefined) {
  const value = (typed ?? '').trim()
  return attribute === 'phone_number' ? normalisedPhoneNumber(value) : value
}

/** The first of the form's attribute fields that is empty or malformed, checked before sending. */
export function checkAttributes(
  attributes: SignUpAttribute[],
  values: AttributeValues,
): AttributeProblem | undefined {
  for (const attribute of attributes) {
    const value = sent(attribute, values[attribute])
    if (!value) return { kind: 'attribute-missing', field: attribute }
    const wellFormed =
      attribute === 'phone_number'
        ? E164.test(value)
        : attribute === 'birthdate'
          ? realDate(value)
          : true
    if (!wellFormed) return { kind: 'attribute-invalid', field: attribute }
  }
  return undefined
}

/** The attributes for Amplify's signUp, each as Cognito wants it. */
export function userAttributes(
  attributes: SignUpAttribute[],
  values: AttributeValues,
): Record<string, string> {
  return Object.fromEntries(
    attributes.map((attribute) => [attribute, sent(attribute, values[attribute])]),
  )
}
