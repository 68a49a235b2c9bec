import type { ReactNode, Ref } from 'react'
import type { AuthProblem } from '../lib/classify-auth-error'
import { FormAlert } from './form-alert'

/**
 * A real <form> (password managers and Enter work), validated by us rather
 * than the browser so errors read the same in both languages, with the
 * form-wide alert first. The refs and problem come from useAuthForm.
 */
export function AuthForm({
  formRef,
  alertRef,
  problem,
  onSubmit,
  children,
}: {
  formRef: Ref<HTMLFormElement>
  alertRef: Ref<HTMLDivElement>
  problem: AuthProblem | undefined
  onSubmit: () => Promise<void>
  children: ReactNode
}) {
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      <FormAlert ref={alertRef} problem={problem} />
      {children}
    </form>
  )
}
