import { useState } from 'react'
import { changePassword } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { SubmitButton } from '../components/auth-page'
import { PasswordField } from '../components/password-field'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { accountMessages } from './account-messages'
import { AuthForm } from '../components/auth-form'

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useMessages(accountMessages)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [changed, setChanged] = useState(false)
  const form = useAuthForm('change-password')
  const { pending, problem, submit } = form

  const onSubmit = () =>
    submit(
      async () => {
        setChanged(false)
        await changePassword(current, next)
        setCurrent('')
        setNext('')
        setChanged(true)
      },
      () => checkFields({ password: current, newPassword: next }),
    )

  return (
    <AuthForm form={form} onSubmit={onSubmit}>
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <PasswordField
        label={t.current}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        problem={problem}
      />
      <PasswordField
        name="newPassword"
        label={t.newPassword}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        problem={problem}
      />
      <SubmitButton pending={pending} label={t.change} busyLabel={t.changing} />
      <p role="status" className="auth-notice-inline">
        {changed ? t.changed : ''}
      </p>
    </AuthForm>
  )
}
