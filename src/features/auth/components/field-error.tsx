import { useMessages } from '@/lib/i18n'
import type { AuthField, AuthProblem } from '../lib/classify-auth-error'
import { authErrorMessages, describeProblem } from '../messages/auth-error-messages'
import { formMessages } from '../messages/form-messages'

/** The form's problem when it concerns this field, else undefined. */
export function fieldProblem(name: AuthField, problem: AuthProblem | undefined) {
  return problem && 'field' in problem && problem.field === name ? problem : undefined
}

/**
 * The text of a field's error, announced when it appears. ui-react's field puts
 * it under the input, in the element the input's aria-describedby names.
 */
export function FieldError({ problem }: { problem: AuthProblem }) {
  const t = useMessages(authErrorMessages)
  const f = useMessages(formMessages)
  return (
    <span role="alert">
      <span className="visually-hidden">{f.errorPrefix} </span>
      {describeProblem(t, problem).text}
    </span>
  )
}
