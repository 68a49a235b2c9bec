import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { paths } from '@/config/paths'
import { confirmPasswordReset } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { SubmitButton } from '../components/auth-page'
import { PasswordField } from '../components/password-field'
import { CodeField } from '../components/text-field'
import type { AuthLocationState } from '../lib/auth-location-state'
import { withNext } from '../lib/next-path'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { forgotPasswordMessages } from './forgot-password-messages'
import { AuthForm } from '../components/auth-form'

/** The second step: the e-mailed code and a new password; then on to sign-in. */
export function ResetPasswordForm({ email, next }: { email: string; next: string | null }) {
  const t = useMessages(forgotPasswordMessages)
  const navigate = useNavigate()
  const [code, setCode] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const form = useAuthForm('reset')
  const { pending, problem, submit } = form

  const onSubmit = () =>
    submit(
      async () => {
        await confirmPasswordReset(email, code.trim(), newPassword)
        const to: AuthLocationState = { email, notice: 'password-reset' }
        navigate(withNext(paths.signIn, next), { state: to, replace: true })
      },
      () => checkFields({ code, newPassword }),
    )

  return (
    <AuthForm form={form} onSubmit={onSubmit}>
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <CodeField label={t.code} value={code} onChange={setCode} problem={problem} />
      <PasswordField
        name="newPassword"
        label={t.newPassword}
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
        problem={problem}
      />
      <SubmitButton pending={pending} label={t.submit} busyLabel={t.busy} />
    </AuthForm>
  )
}
