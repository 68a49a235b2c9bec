import { TextField as UiTextField } from '@aws-amplify/ui-react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import type { AuthField, AuthProblem } from '../lib/classify-auth-error'
import type { SignUpAttribute } from '@/config/sign-up-attributes'
import { FieldError, FieldMessage, fieldProblem } from './field-error'
import { useValueChosenEarly } from '@/lib/chosen-early'
import { useMessages } from '@/lib/i18n'
import { formMessages } from '../messages/form-messages'
import './ui-kit-styles'

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'name' | 'onChange' | 'value' | 'size'
>

/**
 * A labelled input (ui-react's TextField) whose error, when the problem is
 * about it, sits right under it: ui-react marks the input aria-invalid and
 * points its aria-describedby at the error and at the hint.
 */
export function TextField({
  name,
  label,
  value,
  onChange,
  problem,
  error,
  hint,
  ...input
}: InputProps & {
  name: AuthField | SignUpAttribute
  label: string
  value: string
  onChange: (value: string) => void
  /** The form's current problem: shown here only when it concerns this field. */
  problem: AuthProblem | undefined
  /** An error the field words itself (a sign-up attribute's), instead of one for `problem`. */
  error?: string
  /** Phrasing content only: ui-react renders it inside a <p>. */
  hint?: ReactNode
}) {
  const mine = fieldProblem(name, problem)
  const ref = useValueChosenEarly<HTMLInputElement>(value, onChange)
  return (
    <UiTextField
      {...input}
      ref={ref}
      name={name}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      descriptiveText={hint}
      hasError={error !== undefined || mine !== undefined}
      errorMessage={
        error !== undefined ? <FieldMessage text={error} /> : mine && <FieldError problem={mine} />
      }
    />
  )
}

/** The email field every auth form has; it is the user name, for password managers too. */
export function EmailField({
  autoComplete = 'username',
  ...props
}: {
  value: string
  onChange: (value: string) => void
  problem: AuthProblem | undefined
  autoComplete?: 'username' | 'email'
}) {
  const f = useMessages(formMessages)
  return (
    <TextField
      name="email"
      label={f.email}
      type="email"
      autoComplete={autoComplete}
      inputMode="email"
      {...props}
    />
  )
}

/**
 * A code sent by e-mail or text message, or shown by an authenticator app: a
 * numeric keyboard, the browser's one-time-code autofill, and spaces dropped
 * (codes are often copied as "123 456").
 */
export function CodeField({
  name = 'code',
  onChange,
  ...props
}: {
  name?: 'code' | 'mfaCode'
  label: string
  value: string
  onChange: (value: string) => void
  problem: AuthProblem | undefined
}) {
  return (
    <TextField
      name={name}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      onChange={(typed) => onChange(typed.replace(/\s/g, ''))}
      {...props}
    />
  )
}
