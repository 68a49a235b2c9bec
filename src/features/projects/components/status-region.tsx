import { useEffect, useRef } from 'react'
import { useMessages } from '@/lib/i18n'
import { actionMessages } from './action-messages'
import { errorMessages } from './error-messages'
import type { Notice } from './use-project-actions'

/**
 * Where the outcome of each change is said: successes politely, failures as
 * alerts. Both live regions are rendered from the start, empty and visually
 * hidden until they have something to say (never display:none), because
 * screen readers only announce changes to a region that already exists.
 * After a delete, focus moves to Undo.
 */
export function StatusRegion({ notice }: { notice: Notice | null }) {
  const t = useMessages(actionMessages)
  const errors = useMessages(errorMessages)
  const firstAction = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (notice?.focus) firstAction.current?.focus()
  }, [notice])

  const region = (tone: Notice['tone']) => {
    const shown = notice?.tone === tone ? notice : null
    return (
      <div
        role={tone === 'success' ? 'status' : 'alert'}
        className={shown ? `notice notice-${tone}` : 'visually-hidden'}
      >
        {shown && <span dir="auto">{shown.lines.map((line) => line(t, errors)).join(' ')}</span>}
        {shown?.actions?.map((action, index) => (
          <button
            key={index}
            type="button"
            ref={index === 0 ? firstAction : undefined}
            onClick={action.run}
          >
            {action.label(t)}
          </button>
        ))}
      </div>
    )
  }

  return (
    <div className="status-area">
      {region('success')}
      {region('error')}
    </div>
  )
}
