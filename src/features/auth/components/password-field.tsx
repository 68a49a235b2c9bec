import { useId, useState } from 'react'
import { useMessages } from '@/lib/i18n'
import type { AuthProblem } from '../lib/classify-auth-error'
import { formMessages } from '../messages/form-messages'
import { PasswordRules } from './password-rules'
import { TextField } from './text-field'

/**
 * A password input with a show-password toggle and, for a new password, the
 * rules, listed before typing and ticked off while typing.
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
  const [visible, setVisible] = useState(false)
  const toggleId = useId()
  const isNew = autoComplete === 'new-password'
  return (
    <div className="password-field">
      <TextField
        name={name}
        label={label}
        type={visible ? 'text' : 'password'}
        autoComplete={autoComplete}
        value={value}
        onChange={onChange}
        problem={problem}
        hint={isNew ? <PasswordRules password={value} /> : undefined}
        spellCheck={false}
        autoCapitalize="none"
      />
      <div className="show-password">
        <input
          id={toggleId}
          type="checkbox"
          checked={visible}
          onChange={(event) => setVisible(event.target.checked)}
        />
        <label htmlFor={toggleId}>{t.showPassword}</label>
      </div>
    </div>
  )
}
