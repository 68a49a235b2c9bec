import { Navigate, Outlet, useSearchParams } from 'react-router-dom'
import { useSession } from '@/lib/auth'
import { defineMessages, useMessages } from '@/lib/i18n'
import { safeNextPath } from '../lib/next-path'

const messages = defineMessages({
  en: { checking: 'Checking your session…' },
  ja: { checking: 'セッションを確認しています…' },
})

/**
 * The route around sign-in, sign-up and the rest, which are for signed-out
 * visitors: once signed in (or when already signed in), the user goes on to
 * the page they wanted.
 */
export function GuestOnly() {
  const session = useSession()
  const [params] = useSearchParams()
  const t = useMessages(messages)
  if (session.status === 'checking') {
    return (
      <p role="status" className="route-loading">
        {t.checking}
      </p>
    )
  }
  if (session.status === 'signed-in') {
    return <Navigate to={safeNextPath(params.get('next'))} replace />
  }
  return <Outlet />
}
