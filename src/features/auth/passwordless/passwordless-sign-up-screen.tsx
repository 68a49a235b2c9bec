import { useState } from 'react'
import { Link } from 'react-router-dom'
import { env } from '@/config/env'
import { paths } from '@/config/paths'
import { useMessages } from '@/lib/i18n'
import { confirmPasswordlessSignUp, signUpWithoutPassword } from '@/lib/passwordless'
import { AuthForm } from '../components/auth-form'
import { AuthPage, SubmitButton } from '../components/auth-page'
import { CodeField, EmailField } from '../components/text-field'
import { safeNextPath, withNext } from '../lib/next-path'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { useAuthFlow } from '../lib/use-auth-flow'
import { AttributeFields, useAttributeValues } from '../sign-up-attributes/sign-up-attribute-fields'
import { checkAttributes, userAttributes } from '../sign-up-attributes/sign-up-attribute-values'
import { passwordlessMessages } from './passwordless-messages'
import { ProviderButtons } from '../federated/provider-buttons'

// A build-time constant: a build without VITE_OAUTH_PROVIDERS drops the buttons (provider-buttons.tsx).
const Providers = import.meta.env.VITE_OAUTH_PROVIDERS !== '' ? ProviderButtons : null

const PASSKEY_OFFER = `${paths.account}?add-passkey=1&`

/** Where a new user lands: the offer to add a passkey (when they can), then where they were going. */
export function afterSignUpPath(next: string | null) {
  const then = safeNextPath(next)
  const canAddPasskey =
    env().signInMethods.includes('passkey') && typeof globalThis.PublicKeyCredential === 'function'
  // Already the offer: a second try after a wrong code must not wrap it in another one.
  if (!canAddPasskey || then.startsWith(PASSKEY_OFFER)) return then
  return `${PASSKEY_OFFER}then=${encodeURIComponent(then)}`
}

/**
 * Sign-up without a password: the email, then the e-mailed code, then the
 * user is signed in (Cognito's session from the confirmation) and offered to
 * add a passkey on the account page.
 */
export function PasswordlessSignUpScreen() {
  const t = useMessages(passwordlessMessages)
  const { next, state, navigate } = useAuthFlow()
  const [email, setEmail] = useState(state.email ?? '')
  const [code, setCode] = useState('')
  const [confirming, setConfirming] = useState(false)
  const attributes = useAttributeValues()
  const form = useAuthForm('passwordless')
  const { pending, problem, submit } = form

  if (confirming) {
    return (
      <AuthPage title={t.confirmTitle} stepKey="confirm">
        <p>{t.confirmIntro(email.trim())}</p>
        <AuthForm
          form={form}
          onSubmit={() =>
            submit(
              async () => {
                // Once signed in, GuestOnly sends the user to `next`: make that the passkey offer.
                navigate(withNext(paths.signUp, afterSignUpPath(next)), {
                  replace: true,
                  state: { email: email.trim() },
                })
                await confirmPasswordlessSignUp(email.trim(), code.trim())
              },
              () => checkFields({ code }),
            )
          }
        >
          <CodeField label={t.code} value={code} onChange={setCode} problem={problem} />
          <SubmitButton pending={pending} label={t.confirm} busyLabel={t.confirming} />
        </AuthForm>
      </AuthPage>
    )
  }

  return (
    <AuthPage title={t.signUpTitle}>
      <p>{t.signUpIntro}</p>
      {Providers && <Providers next={next} />}
      <AuthForm
        form={form}
        onSubmit={() =>
          submit(
            async () => {
              await signUpWithoutPassword(
                email.trim(),
                userAttributes(attributes.attributes, attributes.values),
              )
              setConfirming(true)
            },
            () =>
              checkFields({ email }) ?? checkAttributes(attributes.attributes, attributes.values),
          )
        }
      >
        <EmailField value={email} onChange={setEmail} problem={problem} autoComplete="email" />
        <AttributeFields {...attributes} problem={problem} />
        <SubmitButton pending={pending} label={t.create} busyLabel={t.creating} />
      </AuthForm>
      <p>
        {t.haveAccount} <Link to={withNext(paths.signIn, next)}>{t.signInLink}</Link>
      </p>
    </AuthPage>
  )
}
