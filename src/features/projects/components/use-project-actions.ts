import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { dependentsOf, type ProjectWrite } from '../api/fold-writes'
import { projectsQuery } from '../api/get-projects'
import { projectKeys } from '../api/project-keys'
import { isCapped, type Project } from '../api/parse-projects'
import {
  useProjectWrite,
  WriteConflict,
  writeRecords,
  WriteNotSent,
  type WriteAnswer,
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
  /** Unique: each outcome is its own notice, so a screen reader hears it once. */
  id: number
  /** The action and project it tells about (`rename:200`): a success of the same clears its failures. */
  about: string
  tone: 'success' | 'error'
  lines: Line[]
  /** Pressing one answers the notice: it goes, then the action runs. */
  actions?: NoticeAction[]
  /** Move focus to the first action when shown (Undo, right after a delete; a question). */
  focus?: boolean
}

/**
 * What the page has to say: the latest success, and every failure not yet
 * dismissed or superseded by a success of the same action on the same
 * project. A success never hides another action's failure.
 */
export interface Notices {
  success: Notice | null
  failures: Notice[]
}

type Action = 'create' | 'rename' | 'delete' | 'restore'
const about = (action: Action, id: number) => `${action}:${id}`

let noticeCount = 0

const q = (name: string) => shortName(name)

/** Says that a write waiting for the network was cancelled. */
function cancelled(write: ProjectWrite): Line {
  const name = q(write.project.name)
  switch (write.type) {
    case 'rename':
      return (t) => t.cancelledRename(name, q(write.name))
    case 'delete':
      return (t) => t.cancelledDelete(name)
    case 'create':
      return (t) => t.cancelledCreate(name)
  }
}

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

const CONFIRM: RowMode = { type: 'confirm' }
const NO_NOTICES: Notices = { success: null, failures: [] }

/**
 * What the user does to the list, and what they see and where focus goes
 * while it happens. Every write shows at once (foldWrites); a failure says
 * what happened, what was not sent because of it, and gives back what the
 * user typed when there is room for it. The actions are the same functions
 * for the life of the page (they read state through setters and refs), so a
 * row re-renders only when its own project or mode changes.
 */
export function useProjectActions() {
  const client = useQueryClient()
  const send = useProjectWrite()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [confirming, setConfirming] = useState<number | null>(null)
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null)
  const [notices, setNotices] = useState<Notices>(NO_NOTICES)
  const clearFocus = useCallback(() => setFocusRequest(null), [])
  // Read when a write fails, long after the render that started it.
  const editingRef = useRef(editing)
  useEffect(() => {
    editingRef.current = editing
  }, [editing])

  const handlers = useMemo(() => {
    const listed = (id: number) =>
      client.getQueryData(projectsQuery().queryKey)?.items.find((p) => p.id === id)

    const show = (notice: Omit<Notice, 'id'>) => {
      noticeCount += 1
      const shown = { ...notice, id: noticeCount }
      setNotices(({ success, failures }) =>
        shown.tone === 'success'
          ? { success: shown, failures: failures.filter((f) => f.about !== shown.about) }
          : // The same action's success said too soon (Deleted, right away) is no longer true.
            {
              success: success?.about === shown.about ? null : success,
              failures: [...failures, shown],
            },
      )
    }
    const dismiss = (id: number) =>
      setNotices(({ success, failures }) => ({
        success: success?.id === id ? null : success,
        failures: failures.filter((f) => f.id !== id),
      }))

    /** What to tell when a write settles. */
    interface Outcome {
      onSuccess: (answer: WriteAnswer) => void
      onFailure: (reason: Line, write: ProjectWrite, dependents: Line[]) => void
      onConflict?: (conflict: WriteConflict) => void
    }
    /** Tells a write's failure; one not sent because of an earlier failure is told with that failure. */
    const failed = (write: ProjectWrite, outcome: Outcome) => (error: unknown) => {
      if (error instanceof WriteNotSent) return
      if (error instanceof WriteConflict && outcome.onConflict) return outcome.onConflict(error)
      const dependents = dependentsOf(write, writeRecords(client))
      outcome.onFailure((_, errors) => describeError(error, errors), write, dependents.map(notSent))
    }
    const run = (request: WriteRequest, outcome: Outcome) => {
      const { write, done } = send(request)
      done.then(outcome.onSuccess, failed(write, outcome))
    }
    const fail = (on: string, lines: Line[], actions?: NoticeAction[]) =>
      show({ about: on, tone: 'error', lines, actions })
    const succeed = (on: string, line: Line) => show({ about: on, tone: 'success', lines: [line] })
    /** A question after a conflict: focus moves to its first answer. */
    const ask = (on: string, line: Line, actions: NoticeAction[]) =>
      show({ about: on, tone: 'error', lines: [line], actions, focus: true })

    /** Sends a rename of `from` (as the user saw it) to `name`. */
    const rename = (from: Project, name: string, confirmed = false) => {
      run({ type: 'rename', project: from, name, confirmed }, renameOutcome(from, name))
    }

    const renameOutcome = (from: Project, name: string): Outcome => {
      const on = about('rename', from.id)
      return {
        onSuccess: () => succeed(on, (t) => t.renamed(q(name))),
        onFailure: (reason, write) => renameFailed(from, name, reason, write),
        onConflict: (conflict) => {
          const { current, expected = from } = conflict
          if (conflict.kind === 'renamed' && current) {
            ask(on, (t) => t.renamedMeanwhileRename(q(expected.name), q(current.name), q(name)), [
              { label: (t) => t.renameAnyway(q(name)), run: () => rename(current, name) },
              { label: (t) => t.keep(q(current.name)), run: () => {} },
            ])
          } else if (conflict.kind === 'unlisted') {
            ask(on, (t) => t.unlistedRename(q(from.name), q(name)), [
              { label: (t) => t.renameAnyway(q(name)), run: () => rename(from, name, true) },
              { label: (t) => t.keep(q(from.name)), run: () => {} },
            ])
          } else if (conflict.kind === 'recreated') {
            const reason = conflict.cause
            fail(on, [
              (t, errors) => t.recreatedKept(q(from.name), q(name), describeError(reason, errors)),
            ])
          } else {
            const again = { ...from, name }
            fail(
              on,
              [(t) => t.goneRename(q(from.name), q(name))],
              [{ label: (t) => t.createAgain(q(name)), run: () => recreate(again) }],
            )
          }
        },
      }
    }

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
      fail(about('rename', from.id), [
        (t, errors) => t.renameFailed(q(from.name), q(name), reason(t, errors)),
        ...later.map(notSent),
        ...(putBack ? [(t: ActionMessages) => t.nameIsBack(q(lastName))] : []),
      ])
    }

    /** Deletes `project` (as the user saw it), offering Undo at once. */
    const remove = (project: Project) => {
      const on = about('delete', project.id)
      show({
        about: on,
        tone: 'success',
        lines: [(t) => t.deleted(q(project.name))],
        actions: [{ label: (t) => t.undo, run: () => undo(project) }],
        focus: true,
      })
      run(
        { type: 'delete', project },
        deleteOutcome(project, () => {}),
      )
    }

    /** `onSuccess`: the deletion was already told when it was made, with Undo. */
    const deleteOutcome = (project: Project, onSuccess: () => void): Outcome => {
      const on = about('delete', project.id)
      return {
        onSuccess,
        onFailure: (reason, _, dependents) => {
          const back = listed(project.id) !== undefined
          fail(on, [
            (t, errors) => t.deleteFailed(q(project.name), reason(t, errors)),
            ...dependents,
            ...(back ? [(t: ActionMessages) => t.backInList] : []),
          ])
          if (back) setFocusRequest({ id: project.id, target: 'delete' })
        },
        onConflict: (conflict) => {
          const { current, expected = project } = conflict
          if (conflict.kind === 'renamed' && current) {
            ask(on, (t) => t.renamedMeanwhileDelete(q(expected.name), q(current.name)), [
              { label: (t) => t.deleteAnyway(q(current.name)), run: () => remove(current) },
              { label: (t) => t.keep(q(current.name)), run: () => {} },
            ])
          } else {
            succeed(on, (t) => t.goneDelete(q(project.name)))
          }
        },
      }
    }

    /** Creates again a project someone else deleted, under the name the user wanted. */
    const recreate = (project: Project) => {
      run(
        { type: 'create', project },
        createOutcome(project, () => false),
      )
    }

    /** Undo of a delete: the same project, id, name and default flag, created again. */
    const undo = (project: Project) => {
      const on = about('restore', project.id)
      setFocusRequest({ id: project.id, target: 'rename' })
      run(
        { type: 'create', project },
        {
          onSuccess: () => succeed(on, (t) => t.restored(q(project.name))),
          onFailure: (reason, _, dependents) =>
            fail(
              on,
              [(t, errors) => t.restoreFailed(q(project.name), reason(t, errors)), ...dependents],
              [{ label: (t) => t.undo, run: () => undo(project) }], // offer Undo again
            ),
        },
      )
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

    /** `restore` puts what was typed back in the form and says whether it could. */
    const createOutcome = (project: Project, restore: () => boolean): Outcome => {
      const on = about('create', project.id)
      return {
        onSuccess: ({ list, sent = project }) => {
          const { id } = sent
          const left = isCapped(list) && !list.items.some((p) => p.id === id)
          const line: Line =
            id !== project.id
              ? (t) => t.createdAs(q(project.name), id, project.id)
              : (t) => (left ? t.createdBeyond : t.created)(q(project.name), id)
          succeed(on, line)
        },
        onFailure: (reason, _, dependents) => {
          const restored = restore()
          fail(on, [
            (t, errors) => t.createFailed(q(project.name), reason(t, errors)),
            ...dependents,
            ...(restored ? [(t: ActionMessages) => t.typedIsBack] : []),
          ])
        },
      }
    }
    const createProject = (project: Project, restore: () => boolean) =>
      run({ type: 'create', project }, createOutcome(project, restore))

    /**
     * The outcome of a write restored after a reload (offline-queue.ts), told as
     * if the user had just made it; nothing on the page waits for it.
     */
    const tellRestored = (
      write: ProjectWrite,
      result: { data: WriteAnswer } | { error: unknown },
    ) => {
      const deleted = () =>
        succeed(about('delete', write.project.id), (t) => t.deleted(q(write.project.name)))
      const outcome =
        write.type === 'rename'
          ? renameOutcome(write.project, write.name)
          : write.type === 'delete'
            ? deleteOutcome(write.project, deleted)
            : createOutcome(write.project, () => false)
      if ('data' in result) outcome.onSuccess(result.data)
      else failed(write, outcome)(result.error)
    }

    /** Cancels a write waiting for the network, and the waiting ones that build on it. */
    const cancel = (write: ProjectWrite) => {
      const cache = client.getMutationCache()
      for (const w of [write, ...dependentsOf(write, writeRecords(client))]) {
        const mutation = cache.find({
          mutationKey: projectKeys.writes(),
          predicate: (m) => (m.state.variables as ProjectWrite | undefined)?.key === w.key,
        })
        if (mutation?.state.isPaused) cache.remove(mutation)
      }
      succeed(`cancel:${write.key}`, cancelled(write))
    }

    return { actions, createProject, dismiss, tellRestored, cancel }
  }, [client, send])

  // Writes restored after a reload have no caller waiting: their outcomes are
  // told from the cache, so they are sent once this page listens.
  const { tellRestored } = handlers
  useEffect(() => {
    const stop = client.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return
      const write = event.mutation.state.variables as ProjectWrite | undefined
      if (!write?.restored) return
      if (event.action.type === 'success')
        tellRestored(write, { data: event.action.data as WriteAnswer })
      if (event.action.type === 'error') tellRestored(write, { error: event.action.error })
    })
    void client.resumePausedMutations()
    return stop
  }, [client, tellRestored])

  const modeOf = (project: Project): RowMode | undefined => {
    if (editing?.id === project.id) return { type: 'edit', draft: editing.draft }
    if (confirming === project.id) return CONFIRM
    return undefined
  }

  return { modeOf, focusRequest, clearFocus, notices, ...handlers }
}
