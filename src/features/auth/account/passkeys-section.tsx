import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { env } from '@/config/env'
import { defineMessages, useLanguage, useMessages } from '@/lib/i18n'
import { addPasskey, listPasskeys, removePasskey, type Passkey } from '@/lib/passwordless'
import { FormAlert } from '../components/form-alert'
import { safeNextPath } from '../lib/next-path'
import { useAuthForm } from '../lib/use-auth-form'
import { mfaPreferenceQuery } from './mfa-queries'

const messages = defineMessages({
  en: {
    title: 'Passkeys',
    intro:
      'A passkey signs you in with this device’s screen lock or a security key, without a password or code.',
    offer: 'Your account is ready. Add a passkey now, so next time you sign in with a touch?',
    notNow: 'Not now',
    loading: 'Loading your passkeys…',
    none: 'You have no passkey yet.',
    add: 'Add a passkey',
    adding: 'Waiting for the browser…',
    added: 'Passkey added.',
    removed: 'Passkey removed.',
    created: (date: string) => `added ${date}`,
    kinds: {
      platform: 'kept by this device or its account',
      'cross-platform': 'security key or phone',
      other: 'passkey',
    },
    remove: (name: string) => `Remove ${name}…`,
    confirmRemove: (name: string) => `Remove the passkey ${name}?`,
    lastWay: (fallback: string) =>
      `This is your last passkey. Afterwards you sign in with ${fallback} only.`,
    fallbackCode: 'a code e-mailed to you',
    fallbackPassword: 'your password',
    confirmRemoveYes: 'Yes, remove it',
    removing: 'Removing…',
    cancel: 'Cancel',
    mfaOn:
      'You use two-step verification, so Cognito won’t let you sign in with a passkey: it allows one or the other. Your passkeys stay, and work again if you turn two-step verification off.',
    unsupported: 'This browser can’t make passkeys for this site.',
  },
  ja: {
    title: 'パスキー',
    intro:
      'パスキーを使うと、パスワードやコードなしで、この端末の画面ロックやセキュリティキーでサインインできます。',
    offer:
      'アカウントの準備ができました。次回タッチだけでサインインできるよう、今パスキーを追加しますか?',
    notNow: '今はしない',
    loading: 'パスキーを読み込んでいます…',
    none: 'パスキーはまだありません。',
    add: 'パスキーを追加',
    adding: 'ブラウザーの操作を待っています…',
    added: 'パスキーを追加しました。',
    removed: 'パスキーを削除しました。',
    created: (date: string) => `${date} に追加`,
    kinds: {
      platform: 'この端末またはそのアカウントに保存',
      'cross-platform': 'セキュリティキーまたはスマートフォン',
      other: 'パスキー',
    },
    remove: (name: string) => `${name} を削除…`,
    confirmRemove: (name: string) => `パスキー ${name} を削除しますか?`,
    lastWay: (fallback: string) =>
      `これが最後のパスキーです。削除後は${fallback}だけでサインインします。`,
    fallbackCode: 'メールで届くコード',
    fallbackPassword: 'パスワード',
    confirmRemoveYes: '削除する',
    removing: '削除しています…',
    cancel: 'キャンセル',
    mfaOn:
      '2 段階認証を使っているため、Cognito ではパスキーでサインインできません (どちらか一方のみ使えます)。パスキーは残り、2 段階認証をオフにすると再び使えます。',
    unsupported: 'このブラウザーではこのサイトのパスキーを作成できません。',
  },
})

/** The signed-in user's passkeys (Cognito's ListWebAuthnCredentials): the one key every reader uses. */
export const passkeyKeys = { all: ['passkeys'] as const }
const passkeysQuery = queryOptions({ queryKey: passkeyKeys.all, queryFn: listPasskeys })

/**
 * The account page's passkeys: listed with their name, kind and date, added
 * through the browser's prompt, removed after a confirmation that warns when
 * it is the last one. Loaded only where the site allows passkeys.
 */
export function PasskeysSection() {
  const t = useMessages(messages)
  const { language } = useLanguage()
  const queryClient = useQueryClient()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const offering = params.get('add-passkey') === '1'
  const then = safeNextPath(params.get('then'))
  const [notice, setNotice] = useState<string>()
  const { alertRef, pending, problem, submit } = useAuthForm('passwordless')
  const passkeys = useQuery(passkeysQuery)
  // The two-step section's own query: turning MFA on there updates the notice here.
  const mfaOn = useQuery({
    ...mfaPreferenceQuery(),
    select: ({ enabled }) => enabled.length > 0,
  })
  const supported = typeof globalThis.PublicKeyCredential === 'function'

  const add = () =>
    submit(async () => {
      setNotice(undefined)
      await addPasskey()
      await queryClient.invalidateQueries({ queryKey: passkeyKeys.all })
      setNotice(t.added)
      if (offering) navigate(then, { replace: true })
    })

  const formatDate = (date: Date | undefined) =>
    date
      ? new Intl.DateTimeFormat(language === 'ja' ? 'ja' : 'en', { dateStyle: 'medium' }).format(
          date,
        )
      : ''

  const list = passkeys.data ?? []
  return (
    <section aria-labelledby="passkeys-title" className="passkeys">
      <h2 id="passkeys-title">{t.title}</h2>
      {offering && (
        <div className="passkey-offer" role="group" aria-label={t.title}>
          <p>{t.offer}</p>
        </div>
      )}
      <p>{t.intro}</p>
      {mfaOn.data && <p className="auth-notice">{t.mfaOn}</p>}
      {notice && <p role="status">{notice}</p>}
      <FormAlert ref={alertRef} problem={problem} />
      {passkeys.isPending ? (
        <p role="status">{t.loading}</p>
      ) : list.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="passkey-list">
          {list.map((passkey) => (
            <PasskeyRow
              key={passkey.id}
              passkey={passkey}
              last={list.length === 1}
              detail={`${t.kinds[kindOf(passkey)]}, ${t.created(formatDate(passkey.createdAt))}`}
              onRemoved={() => {
                setNotice(t.removed)
                void queryClient.invalidateQueries({ queryKey: passkeyKeys.all })
              }}
            />
          ))}
        </ul>
      )}
      {supported ? (
        <p className="actions">
          <button
            type="button"
            className={offering ? undefined : 'button-secondary'}
            aria-disabled={pending || undefined}
            onClick={() => void add()}
          >
            {pending ? t.adding : t.add}
          </button>
          {offering && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => navigate(then, { replace: true })}
            >
              {t.notNow}
            </button>
          )}
        </p>
      ) : (
        <p>{t.unsupported}</p>
      )}
    </section>
  )
}

const kindOf = (passkey: Passkey) =>
  passkey.attachment === 'platform' || passkey.attachment === 'cross-platform'
    ? passkey.attachment
    : 'other'

function PasskeyRow({
  passkey,
  last,
  detail,
  onRemoved,
}: {
  passkey: Passkey
  last: boolean
  detail: string
  onRemoved: () => void
}) {
  const t = useMessages(messages)
  const [asking, setAsking] = useState(false)
  const questionRef = useRef<HTMLParagraphElement>(null)
  const openerRef = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  const { alertRef, pending, problem, submit } = useAuthForm('passwordless')
  const name = passkey.name || t.kinds.other

  useEffect(() => {
    if (asking) questionRef.current?.focus()
    else if (wasAsking.current) openerRef.current?.focus()
    wasAsking.current = asking
  }, [asking])

  const fallback = env().signInMethods.includes('email-code') ? t.fallbackCode : t.fallbackPassword
  return (
    <li>
      <span className="passkey-name">{name}</span>{' '}
      <span className="passkey-detail">({detail})</span>{' '}
      {asking ? (
        <div className="confirm-delete" role="group" aria-labelledby={`remove-${passkey.id}`}>
          <p id={`remove-${passkey.id}`} ref={questionRef} tabIndex={-1}>
            {t.confirmRemove(name)} {last && t.lastWay(fallback)}
          </p>
          <FormAlert ref={alertRef} problem={problem} />
          <p className="actions">
            <button
              type="button"
              className="button-danger"
              aria-disabled={pending || undefined}
              onClick={() =>
                void submit(async () => {
                  await removePasskey(passkey.id)
                  onRemoved()
                })
              }
            >
              {pending ? t.removing : t.confirmRemoveYes}
            </button>
            <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
              {t.cancel}
            </button>
          </p>
        </div>
      ) : (
        <button
          ref={openerRef}
          type="button"
          className="button-secondary"
          onClick={() => setAsking(true)}
        >
          {t.remove(name)}
        </button>
      )}
    </li>
  )
}
