import { useState } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { confirmSignUpCode, signInWithPassword } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { CodeField, EmailField } from '../components/text-field'
import type { AuthLocationState } from '../lib/auth-location-state'
import { withNext } from '../lib/next-path'
import { takeHeldPassword } from '../lib/pending-sign-in'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { confirmSignUpMessages } from './confirm-sign-up-messages'
import { ResendCodeButton } from './resend-code-button'
import { AuthForm } from '../components/auth-form'
import { useAuthFlow } from '../lib/use-auth-flow'

export function ConfirmSignUpScreen() {
  const t = useMessages(confirmSignUpMessages)
  const { next, state, navigate } = useAuthFlow()
  const [email, setEmail] = useState(state.email ?? '')
  const [code, setCode] = useState('')
  const form = useAuthForm('confirm')
  const { pending, problem, submit } = form
  const knownEmail = state.email

  const onSubmit = () =>
    submit(
      async () => {
        const address = email.trim()
        const result = await confirmSignUpCode(address, code.trim())
        if (result === 'signed-in') return // the GuestOnly route sends the user on
        const held = takeHeldPassword(address)
        // A sign-in that needs a further step (MFA) continues from the sign-in screen.
        if (held && (await signInWithPassword(address, held)).name === 'done') return
        const to: AuthLocationState = { email: address, notice: 'confirmed' }
        navigate(withNext(paths.signIn, next), { state: to, replace: true })
      },
      () => checkFields({ email, code }),
    )

  return (
    <AuthPage title={t.title}>
      <p>
        {knownEmail
          ? state.codeResent
            ? t.notConfirmedYet(knownEmail)
            : t.sentTo(knownEmail)
          : t.askEmail}
      </p>
      <AuthForm form={form} onSubmit={onSubmit}>
        {!knownEmail && <EmailField value={email} onChange={setEmail} problem={problem} />}
        <CodeField label={t.code} value={code} onChange={setCode} problem={problem} />
        <SubmitButton pending={pending} label={t.submit} busyLabel={t.busy} />
      </AuthForm>
      <ResendCodeButton email={email.trim()} />
      {problem?.kind === 'already-confirmed' && (
        <p>
          <Link to={withNext(paths.signIn, next)} state={{ email: email.trim() }}>
            {t.signIn}
          </Link>
        </p>
      )}
    </AuthPage>
  )
}
