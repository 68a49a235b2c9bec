import { useId, useRef, useState, type FormEvent } from 'react'
import { useMessages } from '@/lib/i18n'
import { parseProjectId, type Project } from '../api/parse-projects'
import { newProjectId } from '../api/new-project-id'
import { shortName } from './error-messages'
import { createProjectFormMessages } from './create-project-form-messages'

export interface CreateDraft {
  name: string
  isDefault: boolean
  id: string
}

const EMPTY: CreateDraft = { name: '', isDefault: false, id: '' }

/** What is wrong with the form, kept as facts and worded at render, so a language switch rewords it. */
interface FormErrors {
  name?: 'missing'
  id?: { kind: 'invalid' } | { kind: 'taken'; id: number; owner: string }
}

/**
 * Creating is where a project can be overwritten without a word (POST replaces
 * an existing id), so a typed id that is already in the list is refused here,
 * before anything is sent. The form clears at once; `onCreate` calls back with
 * `restore` so a failed create puts everything the user typed back, if the
 * form is still empty (it says whether it did).
 */
export function CreateProjectForm({
  projects,
  onCreate,
}: {
  projects: readonly Project[]
  onCreate: (project: Project, restore: () => boolean) => void
}) {
  const t = useMessages(createProjectFormMessages)
  const [draft, setDraftState] = useState<CreateDraft>(EMPTY)
  const [errors, setErrors] = useState<FormErrors>({})
  // Read by `restore`, which runs when a create fails, long after the render that sent it.
  const draftRef = useRef(draft)
  const setDraft = (next: CreateDraft) => {
    draftRef.current = next
    setDraftState(next)
  }
  const nameRef = useRef<HTMLInputElement>(null)
  const idRef = useRef<HTMLInputElement>(null)
  const uid = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    const name = draft.name.trim()
    const typedId = draft.id.trim()
    const next: FormErrors = {}
    if (name === '') next.name = 'missing'
    let id: number | undefined
    if (typedId !== '') {
      id = parseProjectId(typedId)
      const owner = projects.find((project) => project.id === id)
      if (id === undefined) next.id = { kind: 'invalid' }
      else if (owner) next.id = { kind: 'taken', id, owner: shortName(owner.name) }
    }
    setErrors(next)
    if (next.name) return nameRef.current?.focus()
    if (next.id) return idRef.current?.focus()

    const project = {
      id: id ?? newProjectId(new Set(projects.map((p) => p.id))),
      name,
      isDefault: draft.isDefault,
    }
    const typed = draft
    setDraft(EMPTY)
    nameRef.current?.focus()
    // Put back what was typed, unless the user has started on another project since.
    onCreate(project, () => {
      const current = draftRef.current
      if (current.name !== '' || current.id !== '') return false
      setDraft(typed)
      return true
    })
  }

  const idError =
    errors.id?.kind === 'taken'
      ? t.idTaken(errors.id.id, errors.id.owner)
      : errors.id && t.idInvalid

  return (
    <form className="create-form" aria-labelledby={`${uid}-title`} onSubmit={submit} noValidate>
      <h2 id={`${uid}-title`}>{t.title}</h2>
      <div className="field">
        <label htmlFor={`${uid}-name`}>{t.name}</label>
        <input
          id={`${uid}-name`}
          ref={nameRef}
          dir="auto"
          autoComplete="off"
          value={draft.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${uid}-name-error` : undefined}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        {errors.name && (
          <p id={`${uid}-name-error`} className="field-error">
            {t.nameMissing}
          </p>
        )}
      </div>
      <div className="field field-inline">
        <input
          id={`${uid}-default`}
          type="checkbox"
          checked={draft.isDefault}
          onChange={(event) => setDraft({ ...draft, isDefault: event.target.checked })}
        />
        <label htmlFor={`${uid}-default`}>{t.isDefault}</label>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-id`}>{t.id}</label>
        <input
          id={`${uid}-id`}
          ref={idRef}
          inputMode="numeric"
          autoComplete="off"
          className="id-input"
          value={draft.id}
          aria-invalid={errors.id ? true : undefined}
          aria-describedby={errors.id ? `${uid}-id-error` : `${uid}-id-hint`}
          onChange={(event) => setDraft({ ...draft, id: event.target.value })}
        />
        {errors.id ? (
          <p id={`${uid}-id-error`} className="field-error">
            {idError}
          </p>
        ) : (
          <p id={`${uid}-id-hint`} className="field-hint">
            {t.idHint}
          </p>
        )}
      </div>
      <button type="submit" className="primary">
        {t.create}
      </button>
    </form>
  )
}
