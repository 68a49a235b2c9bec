import { Link } from 'react-router-dom'
import { PageTitle } from '@/components/page-title'
import { paths } from '@/config/paths'
import { defineMessages, useMessages } from '@/lib/i18n'

const messages = defineMessages({
  en: {
    title: 'Page not found',
    body: 'There is nothing at this address.',
    back: 'Go to your projects',
  },
  ja: {
    title: 'ページが見つかりません',
    body: 'このアドレスには何もありません。',
    back: 'プロジェクト一覧へ',
  },
})

export function NotFound() {
  const t = useMessages(messages)
  return (
    <section className="page" aria-labelledby="not-found-title">
      <PageTitle page={t.title} />
      <h1 id="not-found-title">{t.title}</h1>
      <p>{t.body}</p>
      <Link to={paths.projects}>{t.back}</Link>
    </section>
  )
}
