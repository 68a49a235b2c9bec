import { useId, type InputHTMLAttributes, type ReactNode } from 'react'
import type { AuthField, AuthProblem } from '../lib/classify-auth-error'
import { FieldError } from './field-error'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'onChange' | 'value'>

/** A labelled input whose error (when the problem is about it) sits right under it. */
export function TextField({
  name,
  label,
  value,
  onChange,
  problem,
  hint,
  ...input
}: InputProps & {
  name: AuthField
  label: string
  value: string
  onChange: (value: string) => void
  /** The form's current problem: shown here only when it concerns this field. */
  problem: AuthProblem | undefined
  hint?: ReactNode
}) {
  const id = useId()
  const mine = problem && 'field' in problem && problem.field === name ? problem : undefined
  const describedBy = [hint ? `${id}-hint` : '', mine ? `${id}-error` : ''].filter(Boolean)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <input
        {...input}
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={mine ? true : undefined}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
      />
      <FieldError id={`${id}-error`} problem={mine} />
    </div>
  )
}
