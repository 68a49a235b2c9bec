import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { continueSignIn, type MfaMethod, type SignInStep } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { AuthForm } from '../components/auth-form'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { MfaCodeField } from '../components/mfa-code-field'
import { PasswordField } from '../components/password-field'
import { EmailField } from '../components/text-field'
import { TotpSetup } from '../components/totp-setup'
import type { AuthProblem } from '../lib/classify-auth-error'
import { deviceModeQuery } from '../lib/device-queries'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { signInStepMessages } from './sign-in-step-messages'

/** A step the sign-in screen hands over to these screens: everything but done, confirm and reset. */
export type ChallengeStep = Exclude<
  SignInStep,
  { name: 'done' } | { name: 'confirm-sign-up' } | { name: 'reset-password' }
>

interface StepProps {
  email: string
  /** The step Cognito asks for next; 'done' signs the user in. */
  onStep: (step: SignInStep) => void
  /** Back to the password form; `expired` when the step's session ended. */
  onRestart: (expired: boolean) => void
}

/**
 * The steps after the password that Amplify's signIn can return, one screen
 * each. Loaded only when a sign-in needs one.
 */
export function SignInSteps({ step, ...props }: StepProps & { step: ChallengeStep }) {
  switch (step.name) {
    case 'new-password':
      return <NewPasswordStep {...props} />
    case 'mfa-code':
      return <CodeStep {...props} method={step.method} destination={step.destination} />
    case 'choose-mfa':
      return <ChooseStep {...props} methods={step.methods} setup={step.setup} />
    case 'totp-setup':
      return <TotpSetupStep {...props} secret={step.secret} uri={step.uri} />
    case 'email-setup':
      return <EmailSetupStep {...props} />
    case 'unsupported':
      return <UnsupportedStep {...props} step={step.step} />
  }
}

/** The submit of a step: its answer goes to Cognito, the next step comes back. */
function useStep({ email, onStep, onRestart }: StepProps) {
  const form = useAuthForm('sign-in-step', (problem: AuthProblem) => {
    if (problem.kind === 'challenge-expired') onRestart(true)
  })
  const answer = (
    response: string,
    check?: () => AuthProblem | undefined,
    options?: { rememberBrowser: boolean },
  ) => form.submit(async () => onStep(await continueSignIn(response, email, options)), check)
  return { ...form, answer }
}

function CancelLink({ onRestart }: Pick<StepProps, 'onRestart'>) {
  const t = useMessages(signInStepMessages)
  return (
    <p>
      <button type="button" className="button-link" onClick={() => onRestart(false)}>
        {t.cancel}
      </button>
    </p>
  )
}

function NewPasswordStep(props: StepProps) {
  const t = useMessages(signInStepMessages)
  const [password, setPassword] = useState('')
  const form = useStep(props)
  const { pending, problem, answer } = form
  return (
    <AuthPage title={t.newPasswordTitle} stepKey="new-password">
      <p>{t.newPasswordIntro}</p>
      <AuthForm
        form={form}
        onSubmit={() => answer(password, () => checkFields({ newPassword: password }))}
      >
        <input type="hidden" name="username" autoComplete="username" value={props.email} />
        <PasswordField
          name="newPassword"
          label={t.newPassword}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          problem={problem}
        />
        <SubmitButton pending={pending} label={t.savePassword} busyLabel={t.saving} />
      </AuthForm>
      <CancelLink onRestart={props.onRestart} />
    </AuthPage>
  )
}

function CodeStep({
  method,
  destination,
  ...props
}: StepProps & { method: MfaMethod; destination: string | undefined }) {
  const t = useMessages(signInStepMessages)
  const [code, setCode] = useState('')
  const [rememberBrowser, setRememberBrowser] = useState(false)
  // A pool that remembers a device only when its user says so: this is where they say it.
  const offerToRemember = useQuery(deviceModeQuery()).data === 'prompt'
  const rememberId = useId()
  const form = useStep(props)
  const { pending, problem, answer } = form
  const intro =
    method === 'TOTP' ? t.codeIntro.TOTP : t.codeIntro[method](destination ?? props.email)
  return (
    <AuthPage title={t.codeTitle} stepKey={`code-${method}`}>
      <p>{intro}</p>
      <AuthForm
        form={form}
        onSubmit={() =>
          answer(code.trim(), () => checkFields({ mfaCode: code }), {
            rememberBrowser: offerToRemember && rememberBrowser,
          })
        }
      >
        <MfaCodeField value={code} onChange={setCode} problem={problem} />
        {offerToRemember && (
          <div className="remember-browser">
            <input
              id={rememberId}
              type="checkbox"
              checked={rememberBrowser}
              aria-describedby={`${rememberId}-hint`}
              onChange={(event) => setRememberBrowser(event.target.checked)}
            />
            <label htmlFor={rememberId}>{t.rememberBrowser}</label>
            <p id={`${rememberId}-hint`} className="auth-hint">
              {t.rememberBrowserHint}
            </p>
          </div>
        )}
        <SubmitButton pending={pending} label={t.verify} busyLabel={t.verifying} />
      </AuthForm>
      <p className="auth-hint">{t.codeExpiry}</p>
      <CancelLink onRestart={props.onRestart} />
    </AuthPage>
  )
}

function ChooseStep({
  methods,
  setup,
  ...props
}: StepProps & { methods: MfaMethod[]; setup: boolean }) {
  const t = useMessages(signInStepMessages)
  const [choice, setChoice] = useState<MfaMethod | undefined>(methods[0])
  const form = useStep(props)
  const { pending, answer } = form
  return (
    <AuthPage
      title={setup ? t.chooseSetupTitle : t.chooseTitle}
      stepKey={setup ? 'choose-setup' : 'choose'}
    >
      {setup && <p>{t.chooseSetupIntro}</p>}
      <AuthForm form={form} onSubmit={() => answer(choice ?? '')}>
        <fieldset className="choice-list">
          <legend>{t.chooseLegend}</legend>
          {methods.map((method) => (
            <label key={method} className="choice">
              <input
                type="radio"
                name="method"
                value={method}
                checked={choice === method}
                onChange={() => setChoice(method)}
              />{' '}
              {t.method[method]}
            </label>
          ))}
        </fieldset>
        <SubmitButton pending={pending} label={t.continue} busyLabel={t.continuing} />
      </AuthForm>
      <CancelLink onRestart={props.onRestart} />
    </AuthPage>
  )
}

function TotpSetupStep({ secret, uri, ...props }: StepProps & { secret: string; uri: string }) {
  const t = useMessages(signInStepMessages)
  return (
    <AuthPage title={t.totpSetupTitle} stepKey="totp-setup">
      <p>{t.totpSetupIntro}</p>
      <TotpSetup
        secret={secret}
        uri={uri}
        action="sign-in-step"
        submitLabel={t.verify}
        onCode={async (code) => props.onStep(await continueSignIn(code, props.email))}
        onProblem={(problem) => {
          if (problem.kind === 'challenge-expired') props.onRestart(true)
        }}
      />
      <CancelLink onRestart={props.onRestart} />
    </AuthPage>
  )
}

function EmailSetupStep(props: StepProps) {
  const t = useMessages(signInStepMessages)
  const [email, setEmail] = useState(props.email)
  const form = useStep(props)
  const { pending, problem, answer } = form
  return (
    <AuthPage title={t.emailSetupTitle} stepKey="email-setup">
      <p>{t.emailSetupIntro}</p>
      <AuthForm form={form} onSubmit={() => answer(email.trim(), () => checkFields({ email }))}>
        <EmailField value={email} onChange={setEmail} problem={problem} autoComplete="email" />
        <SubmitButton pending={pending} label={t.sendCode} busyLabel={t.sending} />
      </AuthForm>
      <CancelLink onRestart={props.onRestart} />
    </AuthPage>
  )
}

function UnsupportedStep({ step, onRestart }: StepProps & { step: string }) {
  const t = useMessages(signInStepMessages)
  return (
    <AuthPage title={t.unsupportedTitle} stepKey="unsupported">
      <p role="alert">{t.unsupported(step)}</p>
      <p>
        <button type="button" className="button-secondary" onClick={() => onRestart(false)}>
          {t.backToSignIn}
        </button>
      </p>
    </AuthPage>
  )
}
