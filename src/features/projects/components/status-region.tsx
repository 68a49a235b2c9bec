import { useEffect, useRef } from 'react'
import { useMessages } from '@/lib/i18n'
import { actionMessages } from './action-messages'
import { errorMessages } from './error-messages'
import type { Notice } from './use-project-actions'

/**
 * Where the outcome of each change is said: successes politely, failures as
 * alerts. Both regions are always in the page so screen readers announce
 * every change of their text. After a delete, focus moves to Undo.
 */
export function StatusRegion({ notice, onUndo }: { notice: Notice | null; onUndo: () => void }) {
  const t = useMessages(actionMessages)
  const errors = useMessages(errorMessages)
  const undoRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (notice?.tone === 'success' && notice.undo) undoRef.current?.focus()
  }, [notice])

  return (
    <div className="status-area">
      <div role="status" className="notice notice-success" hidden={notice?.tone !== 'success'}>
        {notice?.tone === 'success' && <span dir="auto">{notice.text(t, errors)}</span>}
        {notice?.tone === 'success' && notice.undo && (
          <button type="button" ref={undoRef} onClick={onUndo}>
            {t.undo}
          </button>
        )}
      </div>
      <div role="alert" className="notice notice-error" hidden={notice?.tone !== 'error'}>
        {notice?.tone === 'error' && <span dir="auto">{notice.text(t, errors)}</span>}
        {notice?.tone === 'error' && notice.undo && (
          <button type="button" onClick={onUndo}>
            {t.undo}
          </button>
        )}
      </div>
    </div>
  )
}
