import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { PageTitle } from '@/components/page-title'
import { useLanguage, useMessages } from '@/lib/i18n'
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
import { formatKeptTime } from '../utils/kept-time'
import './projects.css'
import { projectsPageMessages } from './projects-page-messages'

export function ProjectsPage() {
  const t = useMessages(projectsPageMessages)
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
