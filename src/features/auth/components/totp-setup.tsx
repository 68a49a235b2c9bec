import { lazy, Suspense, useState } from 'react'
import { useMessages } from '@/lib/i18n'
import type { AuthAction, AuthProblem } from '../lib/classify-auth-error'
import { checkFields, useAuthForm } from '../lib/use-auth-form'
import { totpMessages } from '../messages/totp-messages'
import { AuthForm } from './auth-form'
import { SubmitButton } from './auth-page'
import { MfaCodeField } from './mfa-code-field'

const TotpQrCode = lazy(() =>
  import('./totp-qr-code').then((module) => ({ default: module.TotpQrCode })),
)

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim()

/**
 * Adding this account to an authenticator app: a QR code of the otpauth link,
 * the key as text for those who can't scan, then the first code it shows.
 */
export function TotpSetup({
  secret,
  uri,
  action,
  onCode,
  onProblem,
  submitLabel,
}: {
  secret: string
  uri: string
  action: AuthAction
  onCode: (code: string) => Promise<void>
  /** Told of each failure, e.g. so a sign-in step can start over when its session ended. */
  onProblem?: (problem: AuthProblem) => void
  submitLabel?: string
}) {
  const t = useMessages(totpMessages)
  const [code, setCode] = useState('')
  const [copied, setCopied] = useState(false)
  const form = useAuthForm(action, onProblem)
  const { pending, problem, submit } = form

  const copy = () => {
    void navigator.clipboard?.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    )
  }

  return (
    <div className="totp-setup">
      <ol className="totp-steps">
        <li>{t.install}</li>
        <li>
          {t.scan}
          <Suspense fallback={<span className="totp-qr totp-qr-loading" />}>
            <TotpQrCode uri={uri} label={t.qrLabel} />
          </Suspense>
          <span className="totp-key">
            {t.orType}{' '}
            <code data-testid="totp-secret" translate="no">
              {grouped(secret)}
            </code>{' '}
            <button type="button" className="button-link" onClick={copy}>
              {t.copy}
            </button>
            <span role="status" className="auth-notice-inline">
              {copied ? t.copied : ''}
            </span>
          </span>
        </li>
        <li>{t.enterCode}</li>
      </ol>
      <AuthForm
        form={form}
        onSubmit={() =>
          submit(
            () => onCode(code.trim()),
            () => checkFields({ mfaCode: code }),
          )
        }
      >
        <MfaCodeField value={code} onChange={setCode} problem={problem} />
        <SubmitButton pending={pending} label={submitLabel ?? t.turnOn} busyLabel={t.checking} />
      </AuthForm>
    </div>
  )
}
