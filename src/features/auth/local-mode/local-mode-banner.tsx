import { lazy, Suspense, useState } from 'react'
import { useMessages } from '@/lib/i18n'
import { WithQueryClient } from '@/lib/shared-query-client'
import { localModeMessages } from './local-mode-messages'
import '../local-mode.css'

const InboxPanel = lazy(() =>
  import('./local-inbox-panel').then((module) => ({ default: module.LocalInboxPanel })),
)

/**
 * Says the app runs against the local emulator, with a disclosure that shows
 * the codes it "e-mailed". The root layout loads it only when the build-time
 * VITE_LOCAL_AWS is 'true', so a production build drops it and the inbox
 * panel's chunk (tests/e2e/production-build.spec.ts checks).
 */
export function LocalModeBanner() {
  const t = useMessages(localModeMessages)
  const [open, setOpen] = useState(false)
  return (
    <aside className="local-mode-banner" aria-label={t.showInbox}>
      <p>{t.banner}</p>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t.showInbox}</summary>
        {open && (
          <Suspense fallback={null}>
            <WithQueryClient>
              <InboxPanel />
            </WithQueryClient>
          </Suspense>
        )}
      </details>
    </aside>
  )
}
