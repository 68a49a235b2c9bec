import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { DeviceMode } from '@/config/env'
import { forget, type Device } from '@/lib/devices'
import { defineMessages, useLanguage, useMessages } from '@/lib/i18n'
import { FormAlert } from '../components/form-alert'
import { describeDevice } from '../lib/device-name'
import { deviceKeys, devicesQuery } from '../lib/device-queries'
import { useAuthForm } from '../lib/use-auth-form'

const messages = defineMessages({
  en: {
    title: 'Browsers you sign in with',
    always:
      'Every browser you sign in with is remembered automatically, this one included: a remembered browser signs in without the code from your second step.',
    prompt:
      'A browser you chose to remember at sign-in signs in without the code from your second step.',
    loading: 'Loading your browsers…',
    loadFailed: 'Your browsers couldn’t be loaded. Reload the page to try again.',
    none: 'No browser is listed yet: your next sign-in adds this one.',
    named: (browser: string, system: string) => `${browser} on ${system}`,
    unknownBrowser: 'A browser',
    unknownSystem: 'an unknown system',
    thisBrowser: 'this browser',
    lastSignIn: (when: string, status: string) => `last sign-in ${when}, ${status}`,
    remembered: 'remembered',
    notRemembered: 'not remembered: asks for the code',
    forget: (name: string) => `Forget ${name}`,
    forgetThis: 'Forget this browser',
    forgetting: 'Forgetting…',
    forgotten: (name: string) => `${name} is forgotten: its next sign-in asks for the code.`,
    forgottenThis: 'This browser is forgotten: your next sign-in here asks for the code.',
  },
  ja: {
    title: 'サインインに使うブラウザー',
    always:
      'サインインしたブラウザーは、このブラウザーも含めて自動的に記憶されます。記憶されたブラウザーでは、2 段階目のコードなしでサインインできます。',
    prompt:
      'サインイン時に記憶することを選んだブラウザーでは、2 段階目のコードなしでサインインできます。',
    loading: 'ブラウザーを読み込んでいます…',
    loadFailed: 'ブラウザーを読み込めませんでした。ページを再読み込みしてもう一度お試しください。',
    none: 'まだブラウザーはありません。次回のサインインでこのブラウザーが追加されます。',
    named: (browser: string, system: string) => `${system} の ${browser}`,
    unknownBrowser: 'ブラウザー',
    unknownSystem: '不明なシステム',
    thisBrowser: 'このブラウザー',
    lastSignIn: (when: string, status: string) => `最終サインイン ${when}、${status}`,
    remembered: '記憶済み',
    notRemembered: '記憶していません (コードが必要)',
    forget: (name: string) => `${name} の記憶を解除`,
    forgetThis: 'このブラウザーの記憶を解除',
    forgetting: '解除しています…',
    forgotten: (name: string) =>
      `${name} の記憶を解除しました。次回のサインインではコードが必要です。`,
    forgottenThis:
      'このブラウザーの記憶を解除しました。次回このブラウザーでサインインするときはコードが必要です。',
  },
})

type Messages = (typeof messages)['en']

/** A device's name as a person knows it: "Chrome on Linux", or what another client named it. */
function readableName(device: Device, t: Messages): string {
  const { browser, system } = describeDevice(device.name)
  if (!browser && !system) return device.name || t.unknownBrowser
  return t.named(browser ?? t.unknownBrowser, system ?? t.unknownSystem)
}

/**
 * The account page's devices, for a pool that remembers them (VITE_DEVICES, or
 * the emulator's pool in local mode): each with a readable name, its last
 * sign-in, which one is this browser, and a button that forgets it. Its own
 * chunk, with Amplify's device calls: only such pools' account pages load it.
 */
export function DevicesSection({ mode }: { mode: Exclude<DeviceMode, 'off'> }) {
  const t = useMessages(messages)
  const { language } = useLanguage()
  const queryClient = useQueryClient()
  const devices = useQuery(devicesQuery())
  const [notice, setNotice] = useState<string>()
  const titleRef = useRef<HTMLHeadingElement>(null)
  const { alertRef, pending, problem, submit } = useAuthForm('account')
  const [forgetting, setForgetting] = useState<string>()

  // The user's own time format where their browser says it (en-GB: 24-hour), in the app's language.
  const base = language === 'ja' ? 'ja' : 'en'
  const locale = globalThis.navigator?.languages?.find((l) => l.split('-')[0] === base) ?? base
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })

  const forgetDevice = (device: Device, name: string) =>
    submit(async () => {
      setNotice(undefined)
      setForgetting(device.id)
      try {
        await forget(device)
      } finally {
        setForgetting(undefined)
      }
      await queryClient.invalidateQueries({ queryKey: deviceKeys.list() })
      setNotice(device.thisBrowser ? t.forgottenThis : t.forgotten(name))
      // The pressed button is gone with its row: the list's heading keeps the user's place.
      titleRef.current?.focus()
    })

  const list = devices.data ?? []
  return (
    <section aria-labelledby="devices-list-title" className="devices">
      <h3 id="devices-list-title" ref={titleRef} tabIndex={-1}>
        {t.title}
      </h3>
      <p>{mode === 'always' ? t.always : t.prompt}</p>
      <p role="status" className="auth-notice-inline">
        {notice ?? ''}
      </p>
      <FormAlert ref={alertRef} problem={problem} />
      {devices.isPending ? (
        <p role="status">{t.loading}</p>
      ) : devices.isError ? (
        <p role="alert">{t.loadFailed}</p>
      ) : list.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="device-list" aria-labelledby="devices-list-title">
          {list.map((device) => {
            const name = readableName(device, t)
            const detailId = `device-${device.id}-detail`
            const status = device.remembered ? t.remembered : t.notRemembered
            return (
              <li key={device.id}>
                <span className="device-name">{name}</span>
                {device.thisBrowser && <strong> ({t.thisBrowser})</strong>}{' '}
                <span id={detailId} className="auth-hint">
                  {device.lastSignIn
                    ? t.lastSignIn(format.format(device.lastSignIn), status)
                    : status}
                </span>{' '}
                <button
                  type="button"
                  className="button-secondary"
                  aria-describedby={detailId}
                  aria-disabled={pending || undefined}
                  onClick={() => void forgetDevice(device, name)}
                >
                  {forgetting === device.id
                    ? t.forgetting
                    : device.thisBrowser
                      ? t.forgetThis
                      : t.forget(name)}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
