import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useMessages } from '@/lib/i18n'
import type { ShownProject } from '../api/fold-writes'
import type { Project } from '../api/parse-projects'
import { shortName } from './error-messages'
import { projectRowMessages } from './project-row-messages'

export type RowMode = { type: 'view' } | { type: 'edit'; draft: string } | { type: 'confirm' }
export type FocusTarget = 'rename' | 'delete'

export interface RowActions {
  startEdit: (project: Project) => void
  changeDraft: (draft: string) => void
  save: (project: Project, draft: string) => void
  cancelEdit: (project: Project) => void
  askDelete: (project: Project) => void
  confirmDelete: (project: Project) => void
  cancelDelete: (project: Project) => void
}

/**
 * One project: view, rename in place (Enter saves, Escape cancels) or confirm
 * a delete. Names are text with `dir="auto"`, so markup shows as typed and
 * right-to-left names read correctly.
 */
export function ProjectRow({
  project,
  mode,
  focus,
  onFocused,
  actions,
}: {
  project: ShownProject
  mode: RowMode
  /** Set when this row should take focus once it is on screen. */
  focus: FocusTarget | undefined
  onFocused: () => void
  actions: RowActions
}) {
  const t = useMessages(projectRowMessages)
  const label = shortName(project.name) || t.unnamed
  const renameRef = useRef<HTMLButtonElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!focus || mode.type !== 'view') return
    ;(focus === 'rename' ? renameRef : deleteRef).current?.focus()
    onFocused()
  }, [focus, mode.type, onFocused])

  const escape = (cancel: () => void) => (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    cancel()
  }

  const main = (
    <div className="project-main">
      <span className="project-name" dir="auto">
        {project.name || t.unnamed}
      </span>
      {project.isDefault && <span className="project-default">{t.isDefault}</span>}
      {project.beyond && <span className="project-beyond">{t.beyond}</span>}
      <span className="project-id">
        {t.id} {project.id}
      </span>
    </div>
  )

  if (mode.type === 'edit') {
    return (
      <RenameForm
        project={project}
        label={label}
        draft={mode.draft}
        actions={actions}
        onEscape={escape(() => actions.cancelEdit(project))}
      />
    )
  }

  return (
    <div className="project-view">
      {main}
      {mode.type === 'confirm' ? (
        <div
          className="row-actions confirm"
          role="group"
          aria-label={t.confirm(label)}
          onKeyDown={escape(() => actions.cancelDelete(project))}
        >
          <span aria-hidden="true" className="confirm-question">
            {t.confirm(label)}
          </span>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => actions.confirmDelete(project)}
          >
            {t.confirmYes}
          </button>
          <button type="button" onClick={() => actions.cancelDelete(project)}>
            {t.confirmNo}
          </button>
        </div>
      ) : (
        <div className="row-actions">
          <button
            type="button"
            ref={renameRef}
            aria-label={t.rename(label)}
            onClick={() => actions.startEdit(project)}
          >
            {t.renameShort}
          </button>
          <button
            type="button"
            ref={deleteRef}
            aria-label={t.remove(label)}
            onClick={() => actions.askDelete(project)}
          >
            {t.deleteShort}
          </button>
        </div>
      )}
    </div>
  )
}

/**
 * The rename box. Its "type a name" error lives here, so it is gone whenever
 * the box closes (saved, cancelled or reopened) and clears as soon as the
 * user types.
 */
function RenameForm({
  project,
  label,
  draft,
  actions,
  onEscape,
}: {
  project: Project
  label: string
  draft: string
  actions: RowActions
  onEscape: (event: KeyboardEvent) => void
}) {
  const t = useMessages(projectRowMessages)
  const [missing, setMissing] = useState(false)
  const inputId = `rename-${project.id}`
  return (
    <form
      className="project-edit"
      onKeyDown={onEscape}
      onSubmit={(event) => {
        event.preventDefault()
        if (draft.trim() === '') return setMissing(true)
        actions.save(project, draft.trim())
      }}
    >
      <label className="visually-hidden" htmlFor={inputId}>
        {t.newName(label)}
      </label>
      <input
        id={inputId}
        dir="auto"
        autoComplete="off"
        // Focus moves here because the user just asked to rename.
        autoFocus
        value={draft}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${inputId}-error` : undefined}
        onChange={(event) => {
          setMissing(false)
          actions.changeDraft(event.target.value)
        }}
      />
      <button type="submit">{t.save}</button>
      <button type="button" onClick={() => actions.cancelEdit(project)}>
        {t.cancel}
      </button>
      {missing && (
        <p id={`${inputId}-error`} className="field-error">
          {t.nameMissing}
        </p>
      )}
    </form>
  )
}
