import { useEffect, useRef, useState } from 'react'
import { deleteAccount } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { FormAlert } from '../components/form-alert'
import { useAuthForm } from '../lib/use-auth-form'
import { accountMessages } from './account-messages'

/** Delete, then a second, explicit confirmation; focus moves into the question and back on cancel. */
export function DeleteAccount({ email }: { email: string }) {
  const t = useMessages(accountMessages)
  const [asking, setAsking] = useState(false)
  const questionRef = useRef<HTMLParagraphElement>(null)
  const openerRef = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  const { alertRef, pending, problem, submit } = useAuthForm('account')

  useEffect(() => {
    if (asking) questionRef.current?.focus()
    else if (wasAsking.current) openerRef.current?.focus()
    wasAsking.current = asking
  }, [asking])

  if (!asking) {
    return (
      <button
        ref={openerRef}
        type="button"
        className="button-danger"
        onClick={() => setAsking(true)}
      >
        {t.delete}
      </button>
    )
  }
  return (
    <div className="confirm-delete" role="group" aria-labelledby="confirm-delete-question">
      <p id="confirm-delete-question" ref={questionRef} tabIndex={-1}>
        {t.confirmDelete(email)}
      </p>
      <FormAlert ref={alertRef} problem={problem} />
      <p className="actions">
        <button
          type="button"
          className="button-danger"
          aria-disabled={pending || undefined}
          onClick={() => void submit(deleteAccount)}
        >
          {pending ? t.deleting : t.confirmDeleteYes}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {t.cancel}
        </button>
      </p>
    </div>
  )
}
