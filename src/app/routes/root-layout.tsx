import { Link, Outlet, useNavigation } from 'react-router-dom'
import { LanguageSwitcher } from '@/components/language-switcher'
import { paths } from '@/config/paths'
import { defineMessages, useMessages } from '@/lib/i18n'

const messages = defineMessages({
  en: { appName: 'Projects', skipToContent: 'Skip to content', loading: 'Loading…' },
  ja: { appName: 'プロジェクト', skipToContent: '本文へスキップ', loading: '読み込み中…' },
})

export function RootLayout() {
  const t = useMessages(messages)
  const navigation = useNavigation()
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <Link to={paths.home} className="app-name">
          {t.appName}
        </Link>
        <div className="app-header-tools">
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {navigation.state === 'loading' && (
          <p className="route-loading" role="status">
            {t.loading}
          </p>
        )}
        <Outlet />
      </main>
    </>
  )
}
