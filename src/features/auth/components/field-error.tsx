import { useMessages } from '@/lib/i18n'
import type { AuthProblem } from '../lib/classify-auth-error'
import { authErrorMessages, describeProblem } from '../messages/auth-error-messages'
import { formMessages } from '../messages/form-messages'

/** The message under a field; the field points at it with aria-describedby. */
export function FieldError({ id, problem }: { id: string; problem: AuthProblem | undefined }) {
  const t = useMessages(authErrorMessages)
  const f = useMessages(formMessages)
  if (!problem) return null
  return (
    <p id={id} className="field-error" role="alert">
      <span className="visually-hidden">{f.errorPrefix} </span>
      {describeProblem(t, problem).text}
    </p>
  )
}
