import type { PasswordRule } from './classify-auth-error'

// Cognito's default policy, and the symbols it accepts.
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/

export const passwordRules: readonly PasswordRule[] = [
  'length',
  'lowercase',
  'uppercase',
  'number',
  'symbol',
]

export function meetsRule(password: string, rule: PasswordRule): boolean {
  switch (rule) {
    case 'length':
      return password.length >= 8
    case 'lowercase':
      return /[a-z]/.test(password)
    case 'uppercase':
      return /[A-Z]/.test(password)
    case 'number':
      return /[0-9]/.test(password)
    case 'symbol':
      return SYMBOL.test(password)
  }
}
