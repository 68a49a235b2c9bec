import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { dependentsOf, type ProjectWrite } from '../api/fold-writes'
import { projectsQuery } from '../api/get-projects'
import { isCapped, type Project, type ProjectList } from '../api/parse-projects'
import {
  useProjectWrite,
  WriteConflict,
  writeRecords,
  WriteNotSent,
  type WriteRequest,
} from '../api/project-write'
import { actionMessages } from './action-messages'
import { describeError, errorMessages, shortName } from './error-messages'
import type { FocusRequest } from './project-list-item'
import type { RowActions, RowMode } from './project-row'

type ActionMessages = (typeof actionMessages)['en']
type ErrorMessages = (typeof errorMessages)['en']
/** One sentence of a notice, worded when shown so a language switch rewords it. */
type Line = (t: ActionMessages, errors: ErrorMessages) => string

export interface NoticeAction {
  label: (t: ActionMessages) => string
  run: () => void
}

export interface Notice {
  tone: 'success' | 'error'
  lines: Line[]
  actions?: NoticeAction[]
  /** Move focus to the first action when shown (Undo, right after a delete). */
  focus?: boolean
}

const q = (name: string) => shortName(name)

/** Says that a write that depended on a failed one was not sent. */
function notSent(write: ProjectWrite): Line {
  const name = q(write.project.name)
  switch (write.type) {
    case 'rename':
      return (t) => t.notSentRename(name, q(write.name))
    case 'delete':
      return (t) => t.notSentDelete(name)
    case 'create':
      return (t) => t.notSentCreate(name)
  }
}

interface Editing {
  id: number
  draft: string
  /** The project as it was when the user started typing: what the rename is based on. */
  from: Project
}

/**
 * What the user does to the list, and what they see and where focus goes
 * while it happens. Every write shows at once (foldWrites); a failure says
 * what happened, what was not sent because of it, and gives back what the
 * user typed when there is room for it.
 */
export function useProjectActions() {
  const client = useQueryClient()
  const send = useProjectWrite()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [confirming, setConfirming] = useState<number | null>(null)
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const clearFocus = useCallback(() => setFocusRequest(null), [])
  // Read when a write fails, long after the render that started it.
  const editingRef = useRef(editing)
  useEffect(() => {
    editingRef.current = editing
  }, [editing])

  const listed = (id: number) =>
    client.getQueryData(projectsQuery().queryKey)?.items.find((p) => p.id === id)

  /** Sends a write; a write not sent because of an earlier failure is reported with that failure. */
  const run = (
    request: WriteRequest,
    onSuccess: (answer: ProjectList) => void,
    onFailure: (reason: Line, write: ProjectWrite, dependents: Line[]) => void,
    onConflict?: (conflict: WriteConflict) => void,
  ) => {
    const { write, done } = send(request)
    done.then(onSuccess, (error: unknown) => {
      if (error instanceof WriteNotSent) return
      if (error instanceof WriteConflict && onConflict) return onConflict(error)
      const dependents = dependentsOf(write, writeRecords(client))
      onFailure((_, errors) => describeError(error, errors), write, dependents.map(notSent))
    })
  }
  const fail = (lines: Line[], actions?: NoticeAction[]) =>
    setNotice({ tone: 'error', lines, actions })
  const succeed = (line: Line) => setNotice({ tone: 'success', lines: [line] })
  /** A question after a conflict: focus moves to its first answer. */
  const ask = (line: Line, actions: NoticeAction[]) =>
    setNotice({ tone: 'error', lines: [line], actions, focus: true })
  const dismiss = () => setNotice(null)

  /** Sends a rename of `from` (as the user saw it) to `name`. */
  const rename = (from: Project, name: string, confirmed = false) =>
    run(
      { type: 'rename', project: from, name, confirmed },
      () => succeed((t) => t.renamed(q(name))),
      (reason, write) => renameFailed(from, name, reason, write),
      (conflict) => {
        const current = conflict.current
        if (conflict.kind === 'renamed' && current) {
          ask(
            (t) => t.renamedMeanwhileRename(q(from.name), q(current.name), q(name)),
            [
              { label: (t) => t.renameAnyway(q(name)), run: () => rename(current, name) },
              { label: (t) => t.keep(q(current.name)), run: dismiss },
            ],
          )
        } else if (conflict.kind === 'unlisted') {
          ask(
            (t) => t.unlistedRename(q(from.name), q(name)),
            [
              { label: (t) => t.renameAnyway(q(name)), run: () => rename(from, name, true) },
              { label: (t) => t.keep(q(from.name)), run: dismiss },
            ],
          )
        } else {
          const again = { ...from, name }
          fail(
            [(t) => t.goneRename(q(from.name), q(name))],
            [{ label: (t) => t.createAgain(q(name)), run: () => recreate(again) }],
          )
        }
      },
    )

  const renameFailed = (from: Project, name: string, reason: Line, write: ProjectWrite) => {
    const records = writeRecords(client)
    const later = dependentsOf(write, records)
    // Give back the newest name the user typed, if the box is free and the project stays.
    const lastName = later.reduce((latest, w) => (w.type === 'rename' ? w.name : latest), name)
    const deleting = records.some(
      (r) => r.write.type === 'delete' && r.write.project.id === from.id,
    )
    const putBack = editingRef.current === null && !deleting
    if (putBack) setEditing({ id: from.id, draft: lastName, from: listed(from.id) ?? from })
    fail([
      (t, errors) => t.renameFailed(q(from.name), q(name), reason(t, errors)),
      ...later.map(notSent),
      ...(putBack ? [(t: ActionMessages) => t.nameIsBack(q(lastName))] : []),
    ])
  }

  /** Deletes `project` (as the user saw it), offering Undo at once. */
  const remove = (project: Project) => {
    setNotice({
      tone: 'success',
      lines: [(t) => t.deleted(q(project.name))],
      actions: [{ label: (t) => t.undo, run: () => undo(project) }],
      focus: true,
    })
    run(
      { type: 'delete', project },
      () => {},
      (reason, _, dependents) => {
        const back = listed(project.id) !== undefined
        fail([
          (t, errors) => t.deleteFailed(q(project.name), reason(t, errors)),
          ...dependents,
          ...(back ? [(t: ActionMessages) => t.backInList] : []),
        ])
        if (back) setFocusRequest({ id: project.id, target: 'delete' })
      },
      (conflict) => {
        const current = conflict.current
        if (conflict.kind === 'renamed' && current) {
          ask(
            (t) => t.renamedMeanwhileDelete(q(project.name), q(current.name)),
            [
              { label: (t) => t.deleteAnyway(q(current.name)), run: () => remove(current) },
              { label: (t) => t.keep(q(current.name)), run: dismiss },
            ],
          )
        } else {
          setNotice({ tone: 'success', lines: [(t) => t.goneDelete(q(project.name))] })
        }
      },
    )
  }

  /** Creates again a project someone else deleted, under the name the user wanted. */
  const recreate = (project: Project) => {
    setNotice(null)
    run(
      { type: 'create', project },
      () => succeed((t) => t.created(q(project.name), project.id)),
      (reason, _, dependents) =>
        fail([(t, errors) => t.createFailed(q(project.name), reason(t, errors)), ...dependents]),
    )
  }

  const modeOf = (project: Project): RowMode | undefined => {
    if (editing?.id === project.id) return { type: 'edit', draft: editing.draft }
    if (confirming === project.id) return { type: 'confirm' }
    return undefined
  }

  const actions: RowActions = {
    startEdit: (project) => {
      setConfirming(null)
      setEditing({ id: project.id, draft: project.name, from: project })
    },
    changeDraft: (draft) => setEditing((current) => current && { ...current, draft }),
    cancelEdit: (project) => {
      setEditing(null)
      setFocusRequest({ id: project.id, target: 'rename' })
    },
    save: (project, name) => {
      const from = editingRef.current?.id === project.id ? editingRef.current.from : project
      setEditing(null)
      setFocusRequest({ id: project.id, target: 'rename' })
      if (name === project.name) return
      rename(from, name)
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
      remove(project)
    },
  }

  /** Undo of a delete: the same project, id, name and default flag, created again. */
  const undo = (project: Project) => {
    setNotice(null)
    setFocusRequest({ id: project.id, target: 'rename' })
    run(
      { type: 'create', project },
      () => succeed((t) => t.restored(q(project.name))),
      (reason, _, dependents) =>
        fail(
          [(t, errors) => t.restoreFailed(q(project.name), reason(t, errors)), ...dependents],
          [{ label: (t) => t.undo, run: () => undo(project) }], // offer Undo again
        ),
    )
  }

  /** `restore` puts what was typed back in the form and says whether it could. */
  const createProject = (project: Project, restore: () => boolean) => {
    run(
      { type: 'create', project },
      (answer) => {
        const left = isCapped(answer) && !answer.items.some((p) => p.id === project.id)
        succeed((t) => (left ? t.createdBeyond : t.created)(q(project.name), project.id))
      },
      (reason, _, dependents) => {
        const restored = restore()
        fail([
          (t, errors) => t.createFailed(q(project.name), reason(t, errors)),
          ...dependents,
          ...(restored ? [(t: ActionMessages) => t.typedIsBack] : []),
        ])
      },
    )
  }

  return { modeOf, actions, focusRequest, clearFocus, notice, createProject }
}
