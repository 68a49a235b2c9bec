import { useState } from 'react'
import { Link } from 'react-router-dom'
import { env, type SignInMethod } from '@/config/env'
import { paths } from '@/config/paths'
import { resendConfirmationCode, type SignInStep as PasswordSignInStep } from '@/lib/auth-calls'
import { useArrivingText } from '@/components/use-arriving-text'
import { useMessages } from '@/lib/i18n'
import {
  answerChallenge,
  chooseFactor,
  startSignIn,
  type Factor,
  type SignInStep,
} from '@/lib/passwordless'
import { AuthForm } from '../components/auth-form'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { FormAlert } from '../components/form-alert'
import { PasswordField } from '../components/password-field'
import { CodeField, EmailField } from '../components/text-field'
import type { AuthLocationState } from '../lib/auth-location-state'
import type { AuthProblem } from '../lib/classify-auth-error'
import { withNext } from '../lib/next-path'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { useAuthFlow } from '../lib/use-auth-flow'
import { formMessages } from '../messages/form-messages'
import { signInMessages } from '../sign-in/sign-in-messages'
import { LazySignInSteps } from '../sign-in-steps/lazy-sign-in-steps'
import type { ChallengeStep } from '../sign-in-steps/sign-in-steps'
import { passwordlessMessages } from './passwordless-messages'
import { ProviderButtons } from '../federated/provider-buttons'

// A build-time constant: a build without VITE_OAUTH_PROVIDERS drops the buttons (provider-buttons.tsx).
const Providers = import.meta.env.VITE_OAUTH_PROVIDERS !== '' ? ProviderButtons : null

type Screen =
  | { at: 'email' }
  | { at: 'choose'; factors: Factor[] }
  | { at: 'email-code'; destination?: string }
  | { at: 'password' }
  | { at: 'after-password'; step: ChallengeStep }

const METHOD: Record<Factor, SignInMethod> = {
  passkey: 'passkey',
  'email-code': 'email-code',
  password: 'password',
}

/** The factors both the pool offers this user and this site allows. */
const usable = (factors: Factor[]) => factors.filter((f) => env().signInMethods.includes(METHOD[f]))

/**
 * Choice-based sign-in: the email first, then the best factor this user has —
 * their passkey at once when they have one, else a choice of an e-mailed
 * code or their password. A dismissed passkey prompt leaves the choice open.
 */
export function PasswordlessSignInScreen() {
  const t = useMessages(passwordlessMessages)
  const s = useMessages(signInMessages)
  const f = useMessages(formMessages)
  const { next, state, navigate } = useAuthFlow()
  const [email, setEmail] = useState(state.email ?? '')
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [screen, setScreen] = useState<Screen>({ at: 'email' })
  const [stepExpired, setStepExpired] = useState(false)
  const form = useAuthForm('passwordless')
  const { alertRef, pending, problem, submit } = form

  const notice = stepExpired
    ? s.stepExpired
    : state.notice === 'confirmed'
      ? s.confirmed
      : state.reason && s.reasons[state.reason]
  const announced = useArrivingText(notice)

  /** Moves to the screen for Cognito's answer; signed in, GuestOnly takes the user on. */
  async function follow(step: SignInStep, factorsSoFar: Factor[] = []) {
    switch (step.step) {
      case 'done':
        return
      case 'choose': {
        const factors = usable(step.factors)
        // With a passkey, ask for it straight away; the other ways stay one click off.
        if (factors.includes('passkey') && factorsSoFar.length === 0) {
          setScreen({ at: 'choose', factors })
          return follow(await chooseFactor('passkey'), factors)
        }
        if (factors.length === 1 && factors[0] !== 'passkey') {
          return follow(await chooseFactor(factors[0]!), factors)
        }
        setScreen({ at: 'choose', factors })
        return
      }
      case 'email-code':
        setCode('')
        setScreen({ at: 'email-code', destination: step.destination })
        return
      case 'password':
        setScreen({ at: 'password' })
        return
      case 'confirm-sign-up':
        return afterPassword({ name: 'confirm-sign-up' })
      case 'after-password':
        return afterPassword(step.next)
    }
  }

  /** A step of the password sign-in, as sign-in-screen.tsx takes it. */
  async function afterPassword(step: PasswordSignInStep) {
    const address = email.trim()
    if (step.name === 'done') return
    if (step.name === 'confirm-sign-up') {
      await resendConfirmationCode(address)
      const to: AuthLocationState = { email: address, codeResent: true }
      navigate(withNext(paths.confirmSignUp, next), { state: to })
    } else if (step.name === 'reset-password') {
      const to: AuthLocationState = { email: address, resetRequired: true }
      navigate(withNext(paths.forgotPassword, next), { state: to })
    } else {
      setStepExpired(false)
      setScreen({ at: 'after-password', step })
    }
  }

  const onEmail = () =>
    submit(
      async () => follow(await startSignIn(email.trim())),
      () => checkFields({ email }),
    )

  const choose = (factor: Factor, factors: Factor[]) =>
    submit(async () => {
      // After a failed attempt Cognito may have ended this sign-in: start it again.
      const step = problem ? await startSignIn(email.trim()) : undefined
      if (step && step.step !== 'choose') return follow(step)
      return follow(await chooseFactor(factor), factors)
    })

  /** Sends the code or password typed; `check` validates it first. */
  const answer = (response: string, check: () => AuthProblem | undefined) =>
    submit(async () => follow(await answerChallenge(response)), check)

  const resend = () =>
    submit(async () => {
      const step = await startSignIn(email.trim())
      if (step.step !== 'choose') return follow(step)
      return follow(await chooseFactor('email-code'), usable(step.factors))
    })

  const restart = () => {
    setScreen({ at: 'email' })
    setPassword('')
    setCode('')
  }

  const anotherEmail = (
    <p>
      <button type="button" className="button-link" onClick={restart}>
        {t.otherAccount}
      </button>
    </p>
  )

  if (screen.at === 'choose') {
    const labels: Record<Factor, string> = {
      passkey: t.usePasskey,
      'email-code': t.emailCode,
      password: t.usePassword,
    }
    return (
      <AuthPage title={t.chooseTitle} stepKey="choose">
        <p>{t.chooseIntro(email.trim())}</p>
        <FormAlert ref={alertRef} problem={problem} />
        <p role="status" className="auth-notice-inline">
          {pending ? (screen.factors.includes('passkey') ? t.passkeyPrompt : t.working) : ''}
        </p>
        <ul className="factor-choices">
          {screen.factors.map((factor) => (
            <li key={factor}>
              <button
                type="button"
                className="button-secondary"
                aria-disabled={pending || undefined}
                onClick={() => void choose(factor, screen.factors)}
              >
                {labels[factor]}
              </button>
            </li>
          ))}
        </ul>
        {anotherEmail}
      </AuthPage>
    )
  }

  if (screen.at === 'email-code') {
    return (
      <AuthPage title={t.codeTitle} stepKey="email-code">
        <p>{t.codeSent(screen.destination ?? email.trim())}</p>
        <AuthForm form={form} onSubmit={() => answer(code.trim(), () => checkFields({ code }))}>
          <CodeField label={t.code} value={code} onChange={setCode} problem={problem} />
          <SubmitButton pending={pending} label={t.signIn} busyLabel={t.signingIn} />
        </AuthForm>
        <p>
          <button type="button" className="button-link" onClick={() => void resend()}>
            {t.newCode}
          </button>
        </p>
        {anotherEmail}
      </AuthPage>
    )
  }

  if (screen.at === 'password') {
    return (
      <AuthPage title={t.passwordTitle} stepKey="password">
        <AuthForm form={form} onSubmit={() => answer(password, () => checkFields({ password }))}>
          <PasswordField
            label={f.password}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            problem={problem}
          />
          <SubmitButton pending={pending} label={t.signIn} busyLabel={t.signingIn} />
        </AuthForm>
        <p>
          <Link to={withNext(paths.forgotPassword, next)} state={{ email: email.trim() }}>
            {s.forgot}
          </Link>
        </p>
        {anotherEmail}
      </AuthPage>
    )
  }

  if (screen.at === 'after-password') {
    return (
      <LazySignInSteps
        step={screen.step}
        email={email.trim()}
        onStep={(step) => void afterPassword(step)}
        onRestart={(expired) => {
          restart()
          setStepExpired(expired)
        }}
      />
    )
  }

  return (
    <AuthPage title={t.signInTitle} stepKey={stepExpired ? 'expired' : undefined}>
      <p role="status" className="auth-notice">
        {announced}
      </p>
      {Providers && <Providers next={next} />}
      <AuthForm form={form} onSubmit={onEmail}>
        <EmailField value={email} onChange={setEmail} problem={problem} />
        <SubmitButton pending={pending} label={t.continue} busyLabel={t.continuing} />
      </AuthForm>
      <p>
        {t.noAccount} <Link to={withNext(paths.signUp, next)}>{t.signUp}</Link>
      </p>
    </AuthPage>
  )
}
