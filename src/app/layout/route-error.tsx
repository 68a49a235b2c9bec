import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom'
import { PageTitle } from '@/components/page-title'
import { paths } from '@/config/paths'
import { defineMessages, useMessages } from '@/lib/i18n'

const messages = defineMessages({
  en: {
    title: 'Something went wrong',
    body: 'This page failed to load. Reload to try again; if it keeps failing, the app may have been updated, and a reload fetches the new version.',
    reload: 'Reload',
    home: 'Go to your projects',
  },
  ja: {
    title: 'エラーが発生しました',
    body: 'このページを読み込めませんでした。再読み込みしてください。繰り返し失敗する場合はアプリが更新された可能性があり、再読み込みで新しい版が読み込まれます。',
    reload: '再読み込み',
    home: 'プロジェクト一覧へ',
  },
})

/** Catches render and route-loading errors (a lazy chunk that failed to download, too). */
export function RouteError() {
  const error = useRouteError()
  const t = useMessages(messages)
  const status = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : undefined
  return (
    <section className="page" role="alert" aria-labelledby="route-error-title">
      <PageTitle page={t.title} />
      <h1 id="route-error-title">{t.title}</h1>
      <p>{t.body}</p>
      {status && <p>{status}</p>}
      <p className="actions">
        <button type="button" onClick={() => window.location.reload()}>
          {t.reload}
        </button>
        <Link to={paths.projects}>{t.home}</Link>
      </p>
    </section>
  )
}
