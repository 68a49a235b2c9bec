import { onlineManager } from '@tanstack/react-query'
import { useId, useSyncExternalStore } from 'react'
import { defineMessages, useMessages } from '@/lib/i18n'
import type { ProjectWrite, WriteRecord } from '../api/fold-writes'
import { shortName } from './error-messages'

const messages = defineMessages({
  en: {
    offline:
      'You are offline. The list is the one last loaded; changes you make wait in this browser and are sent when the network is back.',
    title: 'Waiting for the network',
    explain: 'Kept in this browser, and sent in this order when the network is back.',
    create: (name: string) => `Create “${name}”`,
    rename: (name: string, to: string) => `Rename “${name}” to “${to}”`,
    delete: (name: string) => `Delete “${name}”`,
    cancel: 'Cancel',
  },
  ja: {
    offline:
      'オフラインです。一覧は最後に読み込んだものです。行った変更はこのブラウザーに保存され、ネットワークに戻ったときに送信されます。',
    title: 'ネットワーク待ち',
    explain: 'このブラウザーに保存してあり、ネットワークに戻るとこの順に送信します。',
    create: (name: string) => `「${name}」を作成`,
    rename: (name: string, to: string) => `「${name}」の名前を「${to}」に変更`,
    delete: (name: string) => `「${name}」を削除`,
    cancel: '取り消す',
  },
})

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange)
const isOnline = () => onlineManager.isOnline()

/** Whether the browser has a network, as TanStack Query sees it (it pauses writes on that). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true)
}

/**
 * Shown only while offline: the page's one polite region stays the outcomes'
 * (status-region.tsx); this one says what is true for as long as it shows.
 */
export function OfflineNotice() {
  const t = useMessages(messages)
  if (useOnline()) return null
  return (
    <p role="status" className="notice notice-warning">
      {t.offline}
    </p>
  )
}

/**
 * The writes made with no network, in the order they will be sent, each with
 * its Cancel. Cancelling one also cancels the waiting writes that build on it
 * (a rename of a project whose create is cancelled would bring it into being).
 */
export function QueuedWrites({
  records,
  onCancel,
}: {
  records: readonly WriteRecord[]
  onCancel: (write: ProjectWrite) => void
}) {
  const t = useMessages(messages)
  const uid = useId()
  const waiting = records.filter((r) => r.waiting).map((r) => r.write)
  if (waiting.length === 0) return null
  const say = (write: ProjectWrite) => {
    const name = shortName(write.project.name)
    if (write.type === 'rename') return t.rename(name, shortName(write.name))
    return write.type === 'create' ? t.create(name) : t.delete(name)
  }
  return (
    <section className="queued-writes" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t.title}</h2>
      <p>{t.explain}</p>
      <ol>
        {waiting.map((write) => (
          <li key={write.key}>
            <span id={`${uid}-${write.key}`} dir="auto">
              {say(write)}
            </span>{' '}
            <button
              type="button"
              aria-describedby={`${uid}-${write.key}`}
              onClick={() => onCancel(write)}
            >
              {t.cancel}
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
