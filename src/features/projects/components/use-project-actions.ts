import { useCallback, useState } from 'react'
import { useCreateProject } from '../api/create-project'
import { useDeleteProject } from '../api/delete-project'
import type { Project } from '../api/parse-projects'
import { useRenameProject } from '../api/rename-project'
import { actionMessages } from './action-messages'
import { describeError, errorMessages, shortName } from './error-messages'
import type { FocusRequest } from './project-list'
import type { RowActions, RowMode } from './project-row'

/**
 * Runs a write and calls back when it settles. (`mutate`'s own callbacks fire
 * for the latest call only; every write here needs its own.)
 */
function settle<V>(
  run: (variables: V) => Promise<unknown>,
  variables: V,
  on: { onSuccess?: () => void; onError?: (error: unknown) => void },
) {
  run(variables).then(on.onSuccess, on.onError ?? (() => {}))
}

type ActionMessages = (typeof actionMessages)['en']
type ErrorMessages = (typeof errorMessages)['en']

export interface Notice {
  tone: 'success' | 'error'
  /** Worded when shown, so switching language rewords a notice already on screen. */
  text: (t: ActionMessages, errors: ErrorMessages) => string
  /** A deleted project this notice offers to bring back (Undo). */
  undo?: Project
}

/**
 * What the user does to the list, and what they see and where focus goes
 * while it happens. Every write shows at once; a failure puts things back,
 * says why, and hands back what the user typed.
 */
export function useProjectActions() {
  const create = useCreateProject()
  const rename = useRenameProject()
  const remove = useDeleteProject()
  const [editing, setEditing] = useState<{ id: number; draft: string } | null>(null)
  const [confirming, setConfirming] = useState<number | null>(null)
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const clearFocus = useCallback(() => setFocusRequest(null), [])
  const fail = (text: (t: ActionMessages, reason: string) => string) => (error: unknown) =>
    setNotice({ tone: 'error', text: (t, errors) => text(t, describeError(error, errors)) })

  const modeOf = (project: Project): RowMode | undefined => {
    if (editing?.id === project.id) return { type: 'edit', draft: editing.draft }
    if (confirming === project.id) return { type: 'confirm' }
    return undefined
  }

  const actions: RowActions = {
    startEdit: (project) => {
      setConfirming(null)
      setEditing({ id: project.id, draft: project.name })
    },
    changeDraft: (draft) => setEditing((current) => current && { ...current, draft }),
    cancelEdit: (project) => {
      setEditing(null)
      setFocusRequest({ id: project.id, target: 'rename' })
    },
    save: (project, name) => {
      setEditing(null)
      setFocusRequest({ id: project.id, target: 'rename' })
      if (name === project.name) return
      settle(
        rename.mutateAsync,
        { type: 'rename', id: project.id, name },
        {
          onSuccess: () => setNotice({ tone: 'success', text: (t) => t.renamed(shortName(name)) }),
          onError: (error) => {
            fail((t, reason) => t.renameFailed(shortName(project.name), reason))(error)
            setEditing((current) => current ?? { id: project.id, draft: name })
          },
        },
      )
    },
    askDelete: (project) => {
      setEditing(null)
      setConfirming(project.id)
    },
    cancelDelete: (project) => {
      setConfirming(null)
      setFocusRequest({ id: project.id, target: 'delete' })
    },
    confirmDelete: (project) => {
      setConfirming(null)
      setNotice({
        tone: 'success',
        text: (t) => t.deleted(shortName(project.name)),
        undo: project,
      })
      settle(
        remove.mutateAsync,
        { type: 'delete', project },
        {
          onError: (error) => {
            fail((t, reason) => t.deleteFailed(shortName(project.name), reason))(error)
            setFocusRequest({ id: project.id, target: 'delete' })
          },
        },
      )
    },
  }

  const undo = () => {
    const project = notice?.undo
    if (!project) return
    setNotice(null)
    setFocusRequest({ id: project.id, target: 'rename' })
    settle(
      create.mutateAsync,
      { type: 'create', project },
      {
        onSuccess: () =>
          setNotice({ tone: 'success', text: (t) => t.restored(shortName(project.name)) }),
        onError: (error) =>
          setNotice({
            tone: 'error',
            text: (t, errors) =>
              t.restoreFailed(shortName(project.name), describeError(error, errors)),
            undo: project, // offer Undo again
          }),
      },
    )
  }

  const createProject = (project: Project, restore: () => void) => {
    settle(
      create.mutateAsync,
      { type: 'create', project },
      {
        onSuccess: () =>
          setNotice({
            tone: 'success',
            text: (t) => t.created(shortName(project.name), project.id),
          }),
        onError: (error) => {
          restore()
          fail((t, reason) => t.createFailed(shortName(project.name), reason))(error)
        },
      },
    )
  }

  return { modeOf, actions, focusRequest, clearFocus, notice, undo, createProject }
}
