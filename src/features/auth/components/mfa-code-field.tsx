import { useMessages } from '@/lib/i18n'
import type { AuthProblem } from '../lib/classify-auth-error'
import { totpMessages } from '../messages/totp-messages'
import { CodeField } from './text-field'

/** The 6-digit code of a second factor (authenticator app, text message or e-mail). */
export function MfaCodeField(props: {
  value: string
  onChange: (value: string) => void
  problem: AuthProblem | undefined
}) {
  const t = useMessages(totpMessages)
  return <CodeField name="mfaCode" label={t.code} {...props} />
}
