import { Navigate, Outlet, useSearchParams } from 'react-router-dom'
import { lastEnding, useSession } from '@/lib/auth'
import { safeNextPath } from '../lib/next-path'
import { SessionWait } from './session-wait'

/**
 * The route around sign-in, sign-up and the rest, which are for signed-out
 * visitors: once signed in (or when already signed in), the user goes on to
 * the page they wanted. A stored session that can't be checked yet is not
 * "signed out": the form would ask for a password the session doesn't need.
 */
export function GuestOnly() {
  const session = useSession()
  const [params] = useSearchParams()
  if (session.status === 'refresh-due' || session.status === 'unreachable') {
    return <SessionWait session={session} />
  }
  if (session.status === 'signed-in') {
    return <Navigate to={safeNextPath(params.get('next') ?? lastEnding().next)} replace />
  }
  return <Outlet />
}
