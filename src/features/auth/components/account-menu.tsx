import { Link, useLocation, useNavigate } from 'react-router-dom'
import { paths } from '@/config/paths'
import { signOutOf, useSession } from '@/lib/auth'
import { useMessages } from '@/lib/i18n'
import '../auth-shell.css'
import { accountMenuMessages } from './account-menu-messages'

/** The header's account link and sign-out button (this browser only; everywhere is on the account page). */
export function AccountMenu() {
  const session = useSession()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const t = useMessages(accountMenuMessages)
  if (session.status === 'refresh-due' || session.status === 'unreachable') return null
  if (session.status === 'nobody' || session.status === 'ended') {
    // On the sign-in page itself, a link to it would only be noise.
    if (pathname === paths.signIn) return null
    return (
      <Link to={paths.signIn} className="header-link">
        {t.signIn}
      </Link>
    )
  }
  return (
    <nav className="account-menu" aria-label={t.menu}>
      <Link to={paths.account} className="header-link">
        <span className="visually-hidden">{t.account}: </span>
        {session.email}
      </Link>
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          void signOutOf('this-browser').finally(() =>
            navigate(paths.signIn, { replace: true, state: { reason: 'signed-out' } }),
          )
        }}
      >
        {t.signOut}
      </button>
    </nav>
  )
}
