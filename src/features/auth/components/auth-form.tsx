import type { ReactNode } from 'react'
import type { useAuthForm } from '../lib/use-auth-form'
import { FormAlert } from './form-alert'

/**
 * A real <form> (password managers and Enter work), validated by us rather
 * than the browser so errors read the same in both languages, with the
 * form-wide alert first. `form` is the screen's useAuthForm: its refs let a
 * failed submit move focus to the field at fault or to the alert.
 */
export function AuthForm({
  form: { formRef, alertRef, problem },
  onSubmit,
  children,
}: {
  form: Pick<ReturnType<typeof useAuthForm>, 'formRef' | 'alertRef' | 'problem'>
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
