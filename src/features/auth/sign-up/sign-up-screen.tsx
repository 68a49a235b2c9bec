import { useState } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { signUpWithEmail } from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { PasswordField } from '../components/password-field'
import { EmailField } from '../components/text-field'
import type { AuthLocationState } from '../lib/auth-location-state'
import { withNext } from '../lib/next-path'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { AttributeFields, useAttributeValues } from '../sign-up-attributes/sign-up-attribute-fields'
import { checkAttributes, userAttributes } from '../sign-up-attributes/sign-up-attribute-values'
import { signUpMessages } from './sign-up-messages'
import { AuthForm } from '../components/auth-form'
import { useAuthFlow } from '../lib/use-auth-flow'
import { ProviderButtons } from '../federated/provider-buttons'

// A build-time constant: a build without VITE_OAUTH_PROVIDERS drops the buttons (provider-buttons.tsx).
const Providers = import.meta.env.VITE_OAUTH_PROVIDERS !== '' ? ProviderButtons : null

export function SignUpScreen() {
  const t = useMessages(signUpMessages)
  const { next, navigate } = useAuthFlow()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const attributes = useAttributeValues()
  const form = useAuthForm('sign-up')
  const { pending, problem, submit } = form

  const onSubmit = () =>
    submit(
      async () => {
        const address = email.trim()
        await signUpWithEmail(
          address,
          password,
          userAttributes(attributes.attributes, attributes.values),
        )
        const to: AuthLocationState = { email: address }
        navigate(withNext(paths.confirmSignUp, next), { state: to })
      },
      // In the order the fields are on screen.
      () =>
        checkFields({ email }) ??
        checkAttributes(attributes.attributes, attributes.values) ??
        checkFields({ password }),
    )

  return (
    <AuthPage title={t.title}>
      <p>{t.intro}</p>
      {Providers && <Providers next={next} />}
      <AuthForm form={form} onSubmit={onSubmit}>
        <EmailField value={email} onChange={setEmail} problem={problem} />
        <AttributeFields {...attributes} problem={problem} />
        <PasswordField
          label={t.password}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          problem={problem}
        />
        <SubmitButton pending={pending} label={t.submit} busyLabel={t.busy} />
      </AuthForm>
      <p>
        {t.haveAccount} <Link to={withNext(paths.signIn, next)}>{t.signIn}</Link>
      </p>
    </AuthPage>
  )
}
