import { useState } from 'react'
import { Link } from 'react-router-dom'
import { useArrivingText } from '@/components/use-arriving-text'
import { paths } from '@/config/paths'
import { resendConfirmationCode, signInWithPassword, type SignInStep } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { PasswordField } from '../components/password-field'
import { EmailField } from '../components/text-field'
import type { AuthLocationState } from '../lib/auth-location-state'
import { withNext } from '../lib/next-path'
import { holdPasswordForConfirmation } from '../lib/pending-sign-in'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { formMessages } from '../messages/form-messages'
import { signInMessages } from './sign-in-messages'
import { AuthForm } from '../components/auth-form'
import { ProviderButtons } from '../federated/provider-buttons'
import { useAuthFlow } from '../lib/use-auth-flow'
import { LazySignInSteps } from '../sign-in-steps/lazy-sign-in-steps'
import type { ChallengeStep } from '../sign-in-steps/sign-in-steps'

// A build-time constant: a build without VITE_OAUTH_PROVIDERS drops the buttons (provider-buttons.tsx).
const Providers = import.meta.env.VITE_OAUTH_PROVIDERS !== '' ? ProviderButtons : null

export function SignInScreen() {
  const t = useMessages(signInMessages)
  const f = useMessages(formMessages)
  const { next, state, navigate } = useAuthFlow()
  const [email, setEmail] = useState(state.email ?? '')
  const [password, setPassword] = useState('')
  const form = useAuthForm('sign-in')
  const { pending, problem, submit } = form
  const [step, setStep] = useState<ChallengeStep>()
  const [stepExpired, setStepExpired] = useState(false)

  const notice = stepExpired
    ? t.stepExpired
    : state.notice === 'confirmed'
      ? t.confirmed
      : state.notice === 'password-reset'
        ? t.passwordReset
        : state.reason && t.reasons[state.reason]
  const announced = useArrivingText(notice)

  /** Where Cognito's answer leads. Signed in ('done'): the GuestOnly route sends the user on to `next`. */
  async function follow(result: SignInStep, address: string) {
    if (result.name === 'done') return
    if (result.name === 'confirm-sign-up') {
      await resendConfirmationCode(address)
      holdPasswordForConfirmation(address, password)
      const to: AuthLocationState = { email: address, codeResent: true }
      navigate(withNext(paths.confirmSignUp, next), { state: to })
    } else if (result.name === 'reset-password') {
      const to: AuthLocationState = { email: address, resetRequired: true }
      navigate(withNext(paths.forgotPassword, next), { state: to })
    } else {
      setStepExpired(false)
      setStep(result)
    }
  }

  const onSubmit = () =>
    submit(
      async () => {
        const address = email.trim()
        await follow(await signInWithPassword(address, password), address)
      },
      () => checkFields({ email, password }),
    )

  if (step) {
    return (
      <LazySignInSteps
        step={step}
        email={email.trim()}
        onStep={(result) => void follow(result, email.trim())}
        onRestart={(expired) => {
          setStep(undefined)
          setPassword('')
          setStepExpired(expired)
        }}
      />
    )
  }

  return (
    <AuthPage title={t.title} stepKey={stepExpired ? 'expired' : undefined}>
      <p role="status" className="auth-notice">
        {announced}
      </p>
      {Providers && <Providers next={next} />}
      <AuthForm form={form} onSubmit={onSubmit}>
        <EmailField value={email} onChange={setEmail} problem={problem} />
        <PasswordField
          label={f.password}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          problem={problem}
        />
        <SubmitButton pending={pending} label={t.submit} busyLabel={t.busy} />
      </AuthForm>
      <p>
        <Link to={withNext(paths.forgotPassword, next)} state={{ email: email.trim() }}>
          {t.forgot}
        </Link>
      </p>
      <p>
        {t.noAccount} <Link to={withNext(paths.signUp, next)}>{t.signUp}</Link>
      </p>
    </AuthPage>
  )
}
