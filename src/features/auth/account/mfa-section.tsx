import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  finishTotpSetup,
  setMfaMethod,
  startTotpSetup,
  type MfaMethod,
  type MfaPolicy,
} from '@/lib/auth-calls'
import { useMessages } from '@/lib/i18n'
import { FormAlert } from '../components/form-alert'
import { TotpSetup } from '../components/totp-setup'
import { useAuthForm } from '../lib/use-auth-form'
import { mfaMessages } from './mfa-messages'
import { mfaKeys, mfaPolicyQuery, mfaPreferenceQuery } from './mfa-queries'

/**
 * Two-step sign-in on the account page, shown only when the pool has MFA on
 * or optional, offering only the factors the pool allows.
 */
export function MfaSection({ email }: { email: string }) {
  const t = useMessages(mfaMessages)
  const policy = useQuery(mfaPolicyQuery())
  if (!policy.data || policy.data.mode === 'off') return null
  return (
    <section aria-labelledby="mfa-title">
      <h2 id="mfa-title">{t.title}</h2>
      <p>{policy.data.mode === 'on' ? t.required : t.optionalIntro}</p>
      <MfaSettings policy={policy.data} email={email} />
    </section>
  )
}

function MfaSettings({ policy, email }: { policy: MfaPolicy; email: string }) {
  const t = useMessages(mfaMessages)
  const queryClient = useQueryClient()
  const preference = useQuery(mfaPreferenceQuery())
  const [totp, setTotp] = useState<{ secret: string; uri: string }>()
  // Which notice, not its text: a language switch while it shows translates it.
  const [saved, setSaved] = useState<'changed' | 'totpOn'>()
  const { pending, problem, submit, alertRef } = useAuthForm('account')

  if (preference.isPending) return <p>{t.loading}</p>
  if (preference.isError) {
    return (
      <p role="alert">
        {t.unreadable}{' '}
        <button type="button" className="button-link" onClick={() => void preference.refetch()}>
          {t.retry}
        </button>
      </p>
    )
  }
  const { enabled, preferred } = preference.data
  const run = (change: () => Promise<void>) =>
    submit(async () => {
      setSaved(undefined)
      await change()
      await queryClient.invalidateQueries({ queryKey: mfaKeys.preference() })
      setSaved('changed')
    })
  // With MFA on for everyone, the last factor can't be turned off.
  const canTurnOff = policy.mode === 'optional' || enabled.length > 1

  return (
    <>
      <FormAlert ref={alertRef} problem={problem} />
      <ul className="mfa-methods">
        {policy.methods.map((method) => {
          const on = enabled.includes(method)
          const name = t.method[method]
          return (
            <li key={method}>
              <span className="mfa-method-name">
                {name}: <strong>{on ? t.on : t.off}</strong>
                {on && preferred === method && enabled.length > 1 ? t.preferredMark : ''}
              </span>{' '}
              {on && canTurnOff && (
                <button
                  type="button"
                  className="button-secondary"
                  aria-disabled={pending || undefined}
                  onClick={() => void run(() => setMfaMethod(method, 'DISABLED'))}
                >
                  {t.turnOff(name)}
                </button>
              )}
              {!on && method === 'TOTP' && !totp && (
                <button
                  type="button"
                  className="button-secondary"
                  aria-disabled={pending || undefined}
                  onClick={() =>
                    void submit(async () => {
                      setSaved(undefined)
                      setTotp(await startTotpSetup(email))
                    })
                  }
                >
                  {t.setUpTotp}
                </button>
              )}
              {!on && method !== 'TOTP' && (
                <button
                  type="button"
                  className="button-secondary"
                  aria-disabled={pending || undefined}
                  onClick={() => void run(() => setMfaMethod(method, 'ENABLED'))}
                >
                  {t.turnOn(name)}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {totp && (
        <>
          <TotpSetup
            secret={totp.secret}
            uri={totp.uri}
            action="account"
            onCode={async (code) => {
              await finishTotpSetup(code, !preferred)
              setTotp(undefined)
              await queryClient.invalidateQueries({ queryKey: mfaKeys.preference() })
              setSaved('totpOn')
            }}
          />
          <button type="button" className="button-link" onClick={() => setTotp(undefined)}>
            {t.cancelSetup}
          </button>
        </>
      )}
      {enabled.length > 1 && (
        <fieldset className="choice-list">
          <legend>{t.preferredLegend}</legend>
          {enabled.map((method: MfaMethod) => (
            <label key={method} className="choice">
              <input
                type="radio"
                name="preferred-mfa"
                value={method}
                checked={preferred === method}
                onChange={() => void run(() => setMfaMethod(method, 'PREFERRED'))}
              />{' '}
              {t.method[method]}
            </label>
          ))}
        </fieldset>
      )}
      <p role="status" className="auth-notice-inline">
        {saved === 'totpOn' ? t.totpOn : saved === 'changed' ? t.changed : ''}
      </p>
    </>
  )
}
