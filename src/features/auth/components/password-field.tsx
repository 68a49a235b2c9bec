import { PasswordField as UiPasswordField } from '@aws-amplify/ui-react'
import { useValueChosenEarly } from '@/lib/chosen-early'
import { useMessages } from '@/lib/i18n'
import type { AuthProblem } from '../lib/classify-auth-error'
import { formMessages } from '../messages/form-messages'
import { FieldError, fieldProblem } from './field-error'
import { PasswordRules } from './password-rules'
import './ui-kit-styles'

/**
 * A password input (ui-react's PasswordField, with its show-password switch,
 * in our words) and, for a new password, the rules, listed before typing and
 * ticked off while typing.
 */
export function PasswordField({
  name = 'password',
  label,
  value,
  onChange,
  problem,
  autoComplete,
}: {
  name?: 'password' | 'newPassword'
  label: string
  value: string
  onChange: (value: string) => void
  problem: AuthProblem | undefined
  autoComplete: 'current-password' | 'new-password'
}) {
  const t = useMessages(formMessages)
  const mine = fieldProblem(name, problem)
  const isNew = autoComplete === 'new-password'
  const ref = useValueChosenEarly<HTMLInputElement>(value, onChange)
  return (
    <UiPasswordField
      ref={ref}
      name={name}
      label={label}
      autoComplete={autoComplete}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      descriptiveText={isNew ? <PasswordRules password={value} /> : undefined}
      hasError={mine !== undefined}
      errorMessage={mine && <FieldError problem={mine} />}
      spellCheck={false}
      autoCapitalize="none"
      showPasswordButtonLabel={t.showPassword}
      passwordIsHiddenLabel={t.passwordIsHidden}
      passwordIsShownLabel={t.passwordIsShown}
    />
  )
}
