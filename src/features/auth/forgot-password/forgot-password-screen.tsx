import { useState } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { requestPasswordReset } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { EmailField } from '../components/text-field'
import { withNext } from '../lib/next-path'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { forgotPasswordMessages } from './forgot-password-messages'
import { ResetPasswordForm } from './reset-password-form'
import { AuthForm } from '../components/auth-form'
import { useAuthFlow } from '../lib/use-auth-flow'

export function ForgotPasswordScreen() {
  const t = useMessages(forgotPasswordMessages)
  const { next, state } = useAuthFlow()
  const [email, setEmail] = useState(state.email ?? '')
  // A reset an administrator required has already e-mailed a code: straight to the second step.
  const [codeSentTo, setCodeSentTo] = useState(state.resetRequired ? state.email : undefined)
  const [required, setRequired] = useState(state.resetRequired === true)
  const form = useAuthForm('reset')
  const { pending, problem, submit } = form

  if (codeSentTo) {
    return (
      <AuthPage title={t.resetTitle} stepKey="reset">
        <p>{required ? t.required(codeSentTo) : t.sentTo(codeSentTo)}</p>
        <ResetPasswordForm email={codeSentTo} next={next} />
        <p>
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setRequired(false)
              setCodeSentTo(undefined)
            }}
          >
            {required ? t.newCode : t.otherEmail}
          </button>
        </p>
      </AuthPage>
    )
  }

  const onSubmit = () =>
    submit(
      async () => {
        const address = email.trim()
        try {
          await requestPasswordReset(address)
        } catch (error) {
          // Don't reveal whether an account exists: go on as if a code were sent.
          if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error
        }
        setCodeSentTo(address)
      },
      () => checkFields({ email }),
    )

  return (
    <AuthPage title={t.title} stepKey="request">
      <p>{t.intro}</p>
      <AuthForm form={form} onSubmit={onSubmit}>
        <EmailField value={email} onChange={setEmail} problem={problem} autoComplete="email" />
        <SubmitButton pending={pending} label={t.send} busyLabel={t.sending} />
      </AuthForm>
      <p>
        <Link to={withNext(paths.signIn, next)}>{t.back}</Link>
      </p>
    </AuthPage>
  )
}
