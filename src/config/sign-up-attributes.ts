/**
 * VITE_SIGN_UP_ATTRIBUTES: the attributes the user pool requires at sign-up
 * (or that the team wants asked for), which the sign-up screens add as fields,
 * e.g. `name,phone_number,custom:team`. Only the sign-up screens read it, so
 * it lives outside env.ts (whose module every page loads); the build checks it
 * too (vite.config.ts), so a wrong name fails there first.
 */

/** The standard attributes a user can be asked for (Cognito's, from OpenID Connect's claims). */
export const STANDARD_SIGN_UP_ATTRIBUTES = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'phone_number',
  'birthdate',
  'gender',
  'address',
  'locale',
  'zoneinfo',
  'website',
  'profile',
  'picture',
] as const

export type StandardSignUpAttribute = (typeof STANDARD_SIGN_UP_ATTRIBUTES)[number]
export type SignUpAttribute = StandardSignUpAttribute | `custom:${string}`

/** Cognito's rule for a custom attribute's name: 1–20 letters, digits, `_`, `.` or `-`. */
const CUSTOM = /^custom:[\w.-]{1,20}$/
/** Set by Cognito (or by an administrator), never typed by the user who signs up. */
const NOT_TYPED = ['sub', 'email_verified', 'phone_number_verified', 'updated_at']

const isStandard = (name: string): name is StandardSignUpAttribute =>
  (STANDARD_SIGN_UP_ATTRIBUTES as readonly string[]).includes(name)

/** The attributes a VITE_SIGN_UP_ATTRIBUTES value lists, in its order; throws naming a wrong one. */
export function parseSignUpAttributes(value: string | undefined): SignUpAttribute[] {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const attributes: SignUpAttribute[] = []
  for (const name of names) {
    // The e-mail address is the user name: sign-up always sends it.
    if (name === 'email') continue
    if (NOT_TYPED.includes(name)) {
      throw new Error(
        `VITE_SIGN_UP_ATTRIBUTES lists ${name}, which Cognito sets itself: a user can't give it at sign-up.`,
      )
    }
    if (!isStandard(name) && !CUSTOM.test(name)) {
      throw new Error(
        `VITE_SIGN_UP_ATTRIBUTES lists "${name}", which is neither a standard attribute ` +
          `(${STANDARD_SIGN_UP_ATTRIBUTES.join(', ')}) nor a custom one (custom: and 1–20 letters, digits, _ . -).`,
      )
    }
    if (!attributes.includes(name as SignUpAttribute)) attributes.push(name as SignUpAttribute)
  }
  return attributes
}

let configured: SignUpAttribute[] | undefined

/** This build's sign-up attributes, parsed when a sign-up screen first asks. */
export function signUpAttributes(): SignUpAttribute[] {
  configured ??= parseSignUpAttributes(import.meta.env.VITE_SIGN_UP_ATTRIBUTES)
  return configured
}
