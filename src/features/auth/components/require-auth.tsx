import { Navigate, Outlet, useLocation } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useSession } from '@/lib/auth'
import { SessionWait } from './session-wait'

/**
 * Lets signed-in users through. Anyone else (including a user whose session
 * just ended: refresh refused, signed out in another tab) goes to sign-in with
 * the reason, and `next` brings them back to this page afterwards. While a
 * refresh is due or Cognito can't be reached, the user waits here.
 * Lives in the main chunk: it imports no auth screen.
 */
export function RequireAuth() {
  const session = useSession()
  const location = useLocation()
  if (session.status === 'refresh-due' || session.status === 'unreachable') {
    return <SessionWait session={session} />
  }
  if (session.status === 'nobody' || session.status === 'ended') {
    const reason = session.status === 'ended' ? session.reason : undefined
    const asked = reason === 'signed-out' || reason === 'account-deleted'
    const here = `${location.pathname}${location.search}${location.hash}`
    const to = asked ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(here)}`
    return <Navigate to={to} replace state={{ reason }} />
  }
  return <Outlet />
}
