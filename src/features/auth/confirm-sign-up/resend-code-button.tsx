import { useState } from 'react'
import { resendConfirmationCode } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { FormAlert } from '../components/form-alert'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { confirmSignUpMessages } from './confirm-sign-up-messages'

/** Sends a new sign-up code, and says so (or why it couldn't). */
export function ResendCodeButton({ email }: { email: string }) {
  const t = useMessages(confirmSignUpMessages)
  const { alertRef, pending, problem, submit } = useAuthForm('confirm')
  const [sentTo, setSentTo] = useState<string>()
  return (
    <div className="resend-code">
      <button
        type="button"
        className="button-secondary"
        aria-disabled={pending || undefined}
        onClick={() =>
          void submit(
            async () => {
              setSentTo(undefined)
              await resendConfirmationCode(email)
              setSentTo(email)
            },
            () => checkFields({ email }),
          )
        }
      >
        {pending ? t.resending : t.resend}
      </button>
      <p role="status" className="auth-notice-inline">
        {sentTo ? t.resent(sentTo) : ''}
      </p>
      <FormAlert ref={alertRef} problem={problem} withFieldProblems />
    </div>
  )
}
