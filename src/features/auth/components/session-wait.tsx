import { useState } from 'react'
import { checkSession, type Session } from '@/lib/auth'
import { defineMessages, useMessages } from '@/lib/i18n'

const messages = defineMessages({
  en: {
    checking: 'Checking your session…',
    unreachable: 'Can’t reach the sign-in service',
    kept: 'You are still signed in: this page opens as soon as the connection is back.',
    retry: 'Try again',
    retrying: 'Trying again…',
  },
  ja: {
    checking: 'セッションを確認しています…',
    unreachable: 'サインインサービスに接続できません',
    kept: 'サインインは続いています。接続が戻りしだい、このページを開きます。',
    retry: '再試行',
    retrying: '再試行しています…',
  },
})

/**
 * What a route shows while nobody can yet tell who is signed in: a refresh
 * is due, or Cognito can't be reached for it. Never the sign-in form: the
 * stored session may well be good, and a password can't help offline.
 */
export function SessionWait({ session }: { session: Session }) {
  const t = useMessages(messages)
  const [retrying, setRetrying] = useState(false)
  if (session.status !== 'unreachable') {
    return (
      <p role="status" className="route-loading">
        {t.checking}
      </p>
    )
  }
  return (
    <section className="session-wait" aria-labelledby="session-wait-title">
      <h1 id="session-wait-title">{t.unreachable}</h1>
      <p role="status">{t.kept}</p>
      <button
        type="button"
        className="button-secondary"
        disabled={retrying}
        onClick={() => {
          setRetrying(true)
          void checkSession().finally(() => setRetrying(false))
        }}
      >
        {retrying ? t.retrying : t.retry}
      </button>
    </section>
  )
}
