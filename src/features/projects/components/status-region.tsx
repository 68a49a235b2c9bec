import { useEffect, useId, useRef } from 'react'
import { useMessages } from '@/lib/i18n'
import { actionMessages } from './action-messages'
import { errorMessages } from './error-messages'
import type { Notice, Notices } from './use-project-actions'

/**
 * Where the outcome of each change is said: the latest success politely,
 * every failure still standing as an alert of its own, each with its project
 * and reason, until dismissed or superseded by a success of the same action.
 * Both live regions are rendered from the start, empty and visually hidden
 * until they have something to say (never display:none), because screen
 * readers only announce changes to a region that already exists; each notice
 * is its own element, added once, so a screen reader hears each outcome once
 * and never again when another notice comes or goes. A notice that asks for
 * it (Undo after a delete, a question) takes focus on its first button.
 */
export function StatusRegion({
  notices,
  onDismiss,
}: {
  notices: Notices
  onDismiss: (id: number) => void
}) {
  const t = useMessages(actionMessages)
  const errors = useMessages(errorMessages)
  const focusTarget = useRef<HTMLButtonElement>(null)
  const focused = useRef(0)
  const uid = useId()
  const all = [...notices.failures, ...(notices.success ? [notices.success] : [])]
  // The newest notice that asks for focus gets it, once, when it arrives (not
  // again when a newer one is dismissed).
  const focusId = all.reduce<number | undefined>(
    (latest, n) => (n.focus && (latest === undefined || n.id > latest) ? n.id : latest),
    undefined,
  )
  useEffect(() => {
    if (focusId === undefined || focusId <= focused.current) return
    focused.current = focusId
    focusTarget.current?.focus()
  }, [focusId])

  const notice = (shown: Notice) => (
    <div key={shown.id} className={`notice notice-${shown.tone}`}>
      <span id={`${uid}-${shown.id}`} dir="auto">
        {shown.lines.map((line) => line(t, errors)).join(' ')}
      </span>
      {shown.actions?.map((action, index) => (
        <button
          key={index}
          type="button"
          ref={index === 0 && shown.id === focusId ? focusTarget : undefined}
          onClick={() => {
            onDismiss(shown.id)
            action.run()
          }}
        >
          {action.label(t)}
        </button>
      ))}
      {shown.tone === 'error' && (
        <button
          type="button"
          // Several failures may stand at once: each button says which one it dismisses.
          aria-describedby={`${uid}-${shown.id}`}
          onClick={() => onDismiss(shown.id)}
        >
          {t.dismiss}
        </button>
      )}
    </div>
  )

  const { success, failures } = notices
  return (
    <div className="status-area">
      <div role="status" className={success ? 'notice-region' : 'visually-hidden'}>
        {success && notice(success)}
      </div>
      <div role="alert" className={failures.length > 0 ? 'notice-region' : 'visually-hidden'}>
        {failures.map(notice)}
      </div>
    </div>
  )
}
