import { Alert } from '@aws-amplify/ui-react'
import type { Ref } from 'react'
import { useMessages } from '@/lib/i18n'
import { isAttributeProblem, problemField, type AuthProblem } from '../lib/classify-auth-error'
import { authErrorMessages, describeProblem } from '../messages/auth-error-messages'
import './ui-kit-styles'

/**
 * The form's message for a problem no single field owns (too many attempts,
 * network, misconfiguration): ui-react's error Alert, announced, inside a
 * focusable slot so focus can move here. A misconfiguration also says which
 * setting to fix, for whoever deployed.
 * A control with no field of its own (the resend-code button) shows here the
 * problems of a field too, which would otherwise be shown nowhere.
 */
export function FormAlert({
  problem,
  ref,
  withFieldProblems = false,
}: {
  problem: AuthProblem | undefined
  ref: Ref<HTMLDivElement>
  withFieldProblems?: boolean
}) {
  const t = useMessages(authErrorMessages)
  // A sign-up attribute's problem is always its field's to show.
  const shown =
    problem && !isAttributeProblem(problem) && (withFieldProblems || !problemField(problem))
      ? describeProblem(t, problem)
      : undefined
  return (
    <div ref={ref} tabIndex={-1} className="form-alert-slot">
      {shown && (
        <Alert variation="error" className="form-alert">
          <p>{shown.text}</p>
          {shown.fix && (
            <details className="deployer-fix">
              <summary>{t.forDeployers}</summary>
              <p>{shown.fix}</p>
            </details>
          )}
        </Alert>
      )}
    </div>
  )
}
