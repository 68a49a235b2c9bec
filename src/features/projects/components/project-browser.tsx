import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useLanguage, useMessages } from '@/lib/i18n'
import type { ShownProject } from '../api/fold-writes'
import type { Project } from '../api/parse-projects'
import { filterProjects, toSearchable } from '../utils/order-projects'
import { ProjectList } from './project-list'
import type { FocusRequest } from './project-list-item'
import type { RowActions, RowMode } from './project-row'
import { projectBrowserMessages } from './project-browser-messages'

/**
 * Filter box, count and list. Filtering runs on a deferred copy of the query,
 * so typing stays instant while a 10,000-project list catches up.
 */
export function ProjectBrowser({
  projects,
  capped,
  modeOf,
  focusRequest,
  onFocused,
  actions,
}: {
  projects: readonly ShownProject[]
  /** The API's answer was at its 50-project limit: a search can't cover what it left out. */
  capped: boolean
  modeOf: (project: Project) => RowMode | undefined
  focusRequest: FocusRequest | null
  onFocused: () => void
  actions: RowActions
}) {
  const t = useMessages(projectBrowserMessages)
  const { language } = useLanguage()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const searchable = useMemo(() => toSearchable(projects, language), [projects, language])
  const shown = useMemo(
    () => filterProjects(searchable, deferredQuery, language),
    [searchable, deferredQuery, language],
  )
  // A row asked for focus (after a rename, say) but the filter hides it: rather
  // than let focus fall to the page, put it on the filter, next to the count.
  const filterRef = useRef<HTMLInputElement>(null)
  const hidden =
    focusRequest !== null &&
    projects.some((p) => p.id === focusRequest.id) &&
    !shown.some((p) => p.id === focusRequest.id)
  useEffect(() => {
    if (!hidden) return
    filterRef.current?.focus()
    onFocused()
  }, [hidden, onFocused])
  const number = useMemo(() => new Intl.NumberFormat(language), [language])
  const filtered = deferredQuery.trim() !== ''
  const uid = useId()

  return (
    <section className="project-browser" aria-labelledby={`${uid}-count`}>
      <div className="browser-tools">
        <div className="field">
          <label htmlFor={`${uid}-filter`}>{t.filter}</label>
          <input
            id={`${uid}-filter`}
            ref={filterRef}
            type="search"
            dir="auto"
            autoComplete="off"
            placeholder={t.filterHint}
            aria-describedby={capped ? `${uid}-capped` : undefined}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {capped && (
            <p id={`${uid}-capped`} className="field-hint">
              {t.filterCapped}
            </p>
          )}
        </div>
        <p id={`${uid}-count`} className="project-count" aria-live="polite">
          {t.count(number.format(shown.length), number.format(projects.length), filtered)}
        </p>
      </div>
      {filtered && shown.length === 0 ? (
        <p className="empty">
          <span dir="auto">{t.noMatch(deferredQuery.trim())}</span>{' '}
          <button type="button" onClick={() => setQuery('')}>
            {t.clear}
          </button>
        </p>
      ) : (
        <ProjectList
          projects={shown}
          label={t.list}
          modeOf={modeOf}
          focusRequest={focusRequest}
          onFocused={onFocused}
          actions={actions}
        />
      )}
    </section>
  )
}
