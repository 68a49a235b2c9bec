import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { PageTitle } from '@/components/page-title'
import { defineMessages, useLanguage, useMessages } from '@/lib/i18n'
import { foldWrites } from '../api/fold-writes'
import { useProjects } from '../api/get-projects'
import { isCapped } from '../api/parse-projects'
import { keptListTime } from '../api/persisted-list'
import { useWriteRecords } from '../api/project-write'
import { orderProjects } from '../utils/order-projects'
import { CreateProjectForm } from './create-project-form'
import { describeError, errorMessages } from './error-messages'
import { ProjectBrowser } from './project-browser'
import { OfflineNotice, QueuedWrites } from './queued-writes'
import { StatusRegion } from './status-region'
import { useProjectActions } from './use-project-actions'
import './projects.css'

const messages = defineMessages({
  en: {
    title: 'Projects',
    intro: 'The projects shared by everyone on your team.',
    loading: 'Loading projects…',
    loadFailed: 'The projects could not be loaded.',
    retry: 'Try again',
    refreshFailed: 'The list could not be refreshed; it is shown as last loaded.',
    empty: 'There are no projects yet. Create the first one with the form above.',
    unreadable: (count: number) =>
      `${count === 1 ? 'One entry' : `${count} entries`} from the service had no usable id and ${count === 1 ? 'is' : 'are'} not shown.`,
    capped: 'The API lists at most 50 projects, so some may be missing here.',
    asOf: (time: string) => `The list as of ${time}, from your last visit. Checking for changes…`,
  },
  ja: {
    title: 'プロジェクト',
    intro: 'チーム全員で共有しているプロジェクトです。',
    loading: 'プロジェクトを読み込み中…',
    loadFailed: 'プロジェクトを読み込めませんでした。',
    retry: '再試行',
    refreshFailed: '一覧を更新できませんでした。前回読み込んだ内容を表示しています。',
    empty: 'プロジェクトはまだありません。上のフォームから最初のプロジェクトを作成してください。',
    unreadable: (count: number) =>
      `サービスから届いた ${count} 件の項目は有効な ID がないため表示していません。`,
    capped:
      'API が返すプロジェクトは最大 50 件のため、ここに表示されていないプロジェクトがあるかもしれません。',
    asOf: (time: string) => `前回表示した ${time} 時点の一覧です。変更を確認しています…`,
  },
})

export function ProjectsPage() {
  const t = useMessages(messages)
  const errors = useMessages(errorMessages)
  const { language } = useLanguage()
  const { query, retry } = useProjects()
  const records = useWriteRecords()
  const page = useProjectActions()
  const keptAt = keptListTime(useQueryClient(), query.dataUpdatedAt)
  // What the API last answered, with this tab's writes folded on top: derived, never stored.
  const ordered = useMemo(
    () => (query.data ? orderProjects(foldWrites(query.data, records).items, language) : []),
    [query.data, records, language],
  )

  return (
    <section className="page projects-page" aria-labelledby="projects-title">
      <PageTitle />
      <h1 id="projects-title">{t.title}</h1>
      <p className="intro">{t.intro}</p>
      <StatusRegion notices={page.notices} onDismiss={page.dismiss} />
      <OfflineNotice />
      <QueuedWrites records={records} onCancel={page.cancel} />
      {query.isPending ? (
        <p role="status" className="loading">
          {t.loading}
        </p>
      ) : !query.data ? (
        <div role="alert" className="load-error">
          <p>
            {t.loadFailed} {describeError(query.error, errors)}
          </p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      ) : (
        <>
          {keptAt !== undefined && (
            <p role="status" className="notice">
              {t.asOf(formatKeptTime(keptAt, language))}
            </p>
          )}
          {/* A failed refresh keeps the list the user already has. */}
          {query.isError && (
            <div role="alert" className="notice notice-warning">
              <p>
                {t.refreshFailed} {describeError(query.error, errors)}
              </p>
              <button type="button" onClick={retry}>
                {t.retry}
              </button>
            </div>
          )}
          <CreateProjectForm projects={ordered} onCreate={page.createProject} />
          {query.data.unreadable > 0 && (
            <p className="notice notice-warning">{t.unreadable(query.data.unreadable)}</p>
          )}
          {isCapped(query.data) && <p className="notice notice-warning">{t.capped}</p>}
          {ordered.length === 0 ? (
            <p className="empty">{t.empty}</p>
          ) : (
            <ProjectBrowser
              projects={ordered}
              capped={isCapped(query.data)}
              modeOf={page.modeOf}
              focusRequest={page.focusRequest}
              onFocused={page.clearFocus}
              actions={page.actions}
            />
          )}
        </>
      )}
    </section>
  )
}

/** The kept list's time in the user's language and format: the date too when it isn't today's. */
function formatKeptTime(time: number, language: string): string {
  const today = new Date().toDateString() === new Date(time).toDateString()
  return new Intl.DateTimeFormat(
    language,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(time)
}
