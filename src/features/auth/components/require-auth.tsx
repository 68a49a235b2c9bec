import { Navigate, Outlet, useLocation } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useSession } from '@/lib/auth'
import { defineMessages, useMessages } from '@/lib/i18n'

const messages = defineMessages({
  en: { checking: 'Checking your session…' },
  ja: { checking: 'セッションを確認しています…' },
})

/**
 * Lets signed-in users through. Anyone else (including a user whose session
 * just ended: refresh failed, signed out in another tab) goes to sign-in with
 * the reason, and `next` brings them back to this page afterwards.
 * Lives in the main chunk: it imports no auth screen.
 */
export function RequireAuth() {
  const session = useSession()
  const location = useLocation()
  const t = useMessages(messages)
  if (session.status === 'checking') {
    return (
      <p role="status" className="route-loading">
        {t.checking}
      </p>
    )
  }
  if (session.status === 'signed-out') {
    const asked = session.reason === 'signed-out' || session.reason === 'account-deleted'
    const here = `${location.pathname}${location.search}${location.hash}`
    const to = asked ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(here)}`
    return <Navigate to={to} replace state={{ reason: session.reason }} />
  }
  return <Outlet />
}
