import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useMemo } from 'react'
import { env, passwordless } from '@/config/env'
import { signOutOf, useSession } from '@/lib/auth'
import { useMessages } from '@/lib/i18n'
import { storedFederatedProvider } from '@/lib/federated-identity'
import { FederatedAccount } from '../federated/federated-account'
import { AuthPage } from '../components/auth-page'
import { FormAlert } from '../components/form-alert'
import { deviceModeQuery } from '../lib/device-queries'
import { useAuthForm } from '../lib/use-auth-form'
import { accountMessages } from './account-messages'
import { ChangePasswordForm } from './change-password-form'
import { DeleteAccount } from './delete-account'
import { MfaSection } from './mfa-section'

const passkeysAllowed = () => passwordless(env()) && env().signInMethods.includes('passkey')
/** Its own chunk, with Amplify's WebAuthn calls: only sites that allow passkeys load it. */
const PasskeysSection = lazy(async () => ({
  default: (await import('./passkeys-section')).PasskeysSection,
}))
/** Its own chunk, with Amplify's device calls: only pools that remember devices load it. */
const DevicesSection = lazy(async () => ({
  default: (await import('./devices-section')).DevicesSection,
}))

/** The signed-in user's email, passkeys, password, devices and account. Behind <RequireAuth>. */
export function AccountScreen() {
  const t = useMessages(accountMessages)
  const session = useSession()
  const {
    pending: signingOut,
    problem: signOutProblem,
    submit: submitSignOut,
    alertRef: signOutAlertRef,
  } = useAuthForm('account')
  const deviceMode = useQuery(deviceModeQuery()).data
  // Read once per sign-in: the user's provider doesn't change while the session lasts.
  const federated = useMemo(
    () => (session.status === 'signed-in' ? storedFederatedProvider() : undefined),
    [session],
  )
  if (session.status !== 'signed-in') return null
  return (
    <AuthPage title={t.title}>
      <p>
        {t.signedInAs} <strong className="account-email">{session.email}</strong>
      </p>
      {federated && <FederatedAccount provider={federated} />}

      {/* Cognito offers a federated user no passkey sign-in (README: identity providers). */}
      {passkeysAllowed() && !federated && (
        <Suspense fallback={null}>
          <PasskeysSection />
        </Suspense>
      )}

      {/* A federated user has no password here, and Cognito applies no MFA to them: their provider does. */}
      {!federated && (
        <>
          <h2>{t.changeTitle}</h2>
          <ChangePasswordForm email={session.email} />
          <MfaSection email={session.email} />
        </>
      )}

      <h2>{t.devicesTitle}</h2>
      {deviceMode && deviceMode !== 'off' && (
        <Suspense fallback={null}>
          <DevicesSection mode={deviceMode} />
        </Suspense>
      )}
      <p>{t.devicesIntro}</p>
      <FormAlert ref={signOutAlertRef} problem={signOutProblem} />
      <button
        type="button"
        className="button-secondary"
        aria-disabled={signingOut || undefined}
        onClick={() => void submitSignOut(() => signOutOf('everywhere'))}
      >
        {signingOut ? t.signingOut : t.signOutEverywhere}
      </button>

      <h2>{t.deleteTitle}</h2>
      <p>{t.deleteIntro}</p>
      <DeleteAccount email={session.email} />
    </AuthPage>
  )
}
