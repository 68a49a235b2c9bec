import { useMessages } from '@/lib/i18n'
import type { SignUpAttribute } from '@/config/sign-up-attributes'
import { isAttributeProblem, type AuthField, type AuthProblem } from '../lib/classify-auth-error'
import {
  authErrorMessages,
  describeProblem,
  type DescribedProblem,
} from '../messages/auth-error-messages'
import { formMessages } from '../messages/form-messages'

/**
 * The form's problem when it concerns this field, else undefined. A sign-up
 * attribute's problem is left to its field, which says it in its own words.
 */
export function fieldProblem(
  name: AuthField | SignUpAttribute,
  problem: AuthProblem | undefined,
): DescribedProblem | undefined {
  return problem && !isAttributeProblem(problem) && 'field' in problem && problem.field === name
    ? problem
    : undefined
}

/** The text of a field's error for a problem. */
export function FieldError({ problem }: { problem: DescribedProblem }) {
  const t = useMessages(authErrorMessages)
  return <FieldMessage text={describeProblem(t, problem).text} />
}

/**
 * A field's error, announced when it appears. ui-react's field puts it under
 * the input, in the element the input's aria-describedby names.
 */
export function FieldMessage({ text }: { text: string }) {
  const f = useMessages(formMessages)
  return (
    <span role="alert">
      <span className="visually-hidden">{f.errorPrefix} </span>
      {text}
    </span>
  )
}
