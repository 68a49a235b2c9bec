import { lazy, Suspense } from 'react'
import { Link, Outlet, useNavigation } from 'react-router-dom'
import { LanguageSwitcher } from '@/components/language-switcher'
import { env } from '@/config/env'
import { paths } from '@/config/paths'
import { AccountMenu } from '@/features/auth/components/account-menu'
import { NewReleaseNotice } from '@/app/release/new-release-notice'
import { useMessages } from '@/lib/i18n'
import { rootLayoutMessages } from './root-layout-messages'

// Local mode only. `env().localMode` is computed at run time, so the build-time constant is
// tested first: with VITE_LOCAL_AWS=false the bundler drops the banner and its chunk.
const LocalModeBanner =
  import.meta.env.VITE_LOCAL_AWS === 'true' && env().localMode
    ? lazy(() =>
        import('@/features/auth/local-mode/local-mode-banner').then((module) => ({
          default: module.LocalModeBanner,
        })),
      )
    : null

export function RootLayout() {
  const t = useMessages(rootLayoutMessages)
  const navigation = useNavigation()
  const main = (
    <main id="main" tabIndex={-1} className="app-main">
      {/* Always in the page, so "Loading…" is announced when it comes. */}
      <p className="route-loading" aria-live="polite">
        {navigation.state === 'loading' ? t.loading : ''}
      </p>
      <Outlet />
    </main>
  )
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
          <AccountMenu />
        </div>
      </header>
      <NewReleaseNotice />
      {LocalModeBanner ? (
        // The banner sits above the page and comes in a chunk of its own: the
        // page waits for it, so that it never arrives under a page already in
        // use and pushes that page down (a press as it lands would miss). Every
        // route's document preloads its chunk, so the wait adds no round trip.
        <Suspense fallback={null}>
          <LocalModeBanner />
          {main}
        </Suspense>
      ) : (
        main
      )}
    </>
  )
}
