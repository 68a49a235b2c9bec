import { useMessages } from '@/lib/i18n'
import type { AuthProblem } from '../lib/classify-auth-error'
import { totpMessages } from '../messages/totp-messages'
import { TextField } from './text-field'

/** A 6-digit sign-in code: numeric keyboard, and the browser's one-time-code autofill. */
export function MfaCodeField({
  value,
  onChange,
  problem,
}: {
  value: string
  onChange: (value: string) => void
  problem: AuthProblem | undefined
}) {
  const t = useMessages(totpMessages)
  return (
    <TextField
      name="mfaCode"
      label={t.code}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      value={value}
      onChange={(typed) => onChange(typed.replace(/\s/g, ''))}
      problem={problem}
    />
  )
}
