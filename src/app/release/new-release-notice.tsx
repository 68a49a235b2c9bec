import { defineMessages, useMessages } from '@/lib/i18n'
import { useNewRelease } from './new-release'

const messages = defineMessages({
  en: {
    ready: 'A new version of this app is ready.',
    reload: 'Reload to update',
  },
  ja: {
    ready: 'このアプリの新しいバージョンがあります。',
    reload: '再読み込みして更新',
  },
})

/**
 * Always in the page, empty until a release is ready, so that screen readers
 * hear it when it comes. A live region, not a `status`: the pages' outcomes
 * keep theirs as the one status on the page. It never reloads by itself: what
 * is being typed stays.
 */
export function NewReleaseNotice() {
  const t = useMessages(messages)
  const release = useNewRelease()
  return (
    <div aria-live="polite" className="new-release">
      {release.ready ? (
        <>
          <p>{t.ready}</p>
          <button type="button" onClick={release.reload}>
            {t.reload}
          </button>
        </>
      ) : null}
    </div>
  )
}
