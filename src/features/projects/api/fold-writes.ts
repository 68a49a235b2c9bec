import { isCapped, type Project, type ProjectList } from './parse-projects'

/**
 * What the screen shows, derived on every render from two things only: the
 * last list the API answered (the query cache) and this tab's writes (the
 * mutation cache). Nothing here is stored or rolled back: a write that failed
 * simply stops being applied. Pure, so it is tested with generated
 * interleavings of writes, successes and failures (fold-writes.test.ts).
 */

interface WriteBase {
  /** Unique per write: how later writes name the ones they depend on. */
  key: string
  /**
   * The earlier writes to the same project that were still in flight when the
   * user made this one: the screen showed their effect, so this write builds
   * on them. If one of them fails, this one is not sent.
   */
  after: readonly string[]
  /**
   * The project as the API last listed it when the user made this write
   * (undefined if it wasn't listed: being created, or beyond the API's cap).
   */
  listed?: Project
  /**
   * The earlier writes to the same project still in flight when the user made
   * this one, whether or not it builds on them: whichever of them succeed
   * change what the API holds before this one is sent.
   */
  since?: readonly string[]
  /**
   * Made while writes wait for the network (offline, or behind one that is):
   * the list may have changed by the time it goes.
   */
  queued?: boolean
  /** When the user made it (epoch ms). */
  madeAt?: number
  /** Restored after a reload (offline-queue.ts): no one on this page waits for its answer. */
  restored?: boolean
  /** Restored after a reload that happened while it was in flight: it may have reached the API. */
  interrupted?: boolean
}

/**
 * One change to the list, as the user made it. `project` is the project as the
 * user saw it when they started (its name is what a rename or delete is
 * checked against); Undo is a `create` of the deleted project.
 */
export type ProjectWrite = WriteBase &
  (
    | { type: 'create'; project: Project }
    | { type: 'rename'; project: Project; name: string; confirmed?: boolean }
    | { type: 'delete'; project: Project; confirmed?: boolean }
  )

export type WriteStatus = 'pending' | 'success' | 'error'

/** A write and how it stands, oldest first (the order the user made them). */
export interface WriteRecord {
  write: ProjectWrite
  status: WriteStatus
  /** Pending, and waiting for the network before it is sent. */
  waiting?: boolean
}

export interface ShownProject extends Project {
  /**
   * Written by this tab and saved, but the API's latest list (capped at 50)
   * leaves it out: shown so the user doesn't think the write was lost.
   */
  beyond?: boolean
}

/**
 * Whether a new write builds on an earlier one still in flight: a rename or
 * delete of a project being created, a rename after a rename, a restore after
 * a delete. (A delete doesn't depend on a rename: the user wants the project
 * gone whatever its name.)
 */
export function buildsOn(
  later: Pick<ProjectWrite, 'type' | 'project'>,
  earlier: ProjectWrite,
): boolean {
  if (earlier.project.id !== later.project.id) return false
  if (later.type === 'create') return true
  if (later.type === 'rename') return earlier.type !== 'delete'
  return earlier.type === 'create'
}

/** Whether this tab saved the project with `id` (created or renamed it, and hasn't deleted it since). */
export function savedHere(id: number, records: readonly WriteRecord[]): boolean {
  let saved = false
  for (const { write, status } of records) {
    if (status === 'success' && write.project.id === id) saved = write.type !== 'delete'
  }
  return saved
}

/** The project a write is about, as it is once the write is done (undefined once deleted). */
function written(write: ProjectWrite): Project | undefined {
  switch (write.type) {
    case 'create':
      return write.project
    case 'rename':
      return { ...write.project, name: write.name }
    case 'delete':
      return undefined
  }
}

/**
 * What the API holds for the write's project just before the write is sent, as
 * far as this tab knows: the project as the API listed it when the user made
 * the write, changed by those of this tab's writes then in flight that
 * succeeded (a failed one changed nothing). The staleness check compares the
 * current list with this, not with what the screen showed, which included
 * writes that may since have failed. Undefined when this tab can't tell.
 */
export function expectedOnServer(
  write: ProjectWrite,
  records: readonly WriteRecord[],
): Project | undefined {
  const since = new Set(write.since)
  let project = write.listed
  for (const { write: earlier, status } of records) {
    if (status === 'success' && since.has(earlier.key)) project = written(earlier)
  }
  return project
}

/**
 * Keys of the writes that won't be applied or sent: the ones that failed, and
 * every write that depends on one of those (transitively).
 */
export function droppedWrites(records: readonly WriteRecord[]): Set<string> {
  const dropped = new Set<string>()
  for (const { write, status } of records) {
    if (status === 'error' || write.after.some((key) => dropped.has(key))) dropped.add(write.key)
  }
  return dropped
}

/** The earlier write `write` depends on that failed or was dropped, if any. */
export function blockingWrite(
  write: ProjectWrite,
  records: readonly WriteRecord[],
): ProjectWrite | undefined {
  const dropped = droppedWrites(records)
  const blocker = write.after.find((key) => dropped.has(key))
  return records.find((record) => record.write.key === blocker)?.write
}

/** The writes that will not be sent because `failed` failed (directly or through another). */
export function dependentsOf(
  failed: ProjectWrite,
  records: readonly WriteRecord[],
): ProjectWrite[] {
  const chain = new Set([failed.key])
  const dependents: ProjectWrite[] = []
  for (const { write } of records) {
    if (write.key !== failed.key && write.after.some((key) => chain.has(key))) {
      chain.add(write.key)
      dependents.push(write)
    }
  }
  return dependents
}

/**
 * The list as the user should see it:
 * - the answered list;
 * - plus the projects this tab saved that a capped answer leaves out (the API
 *   lists only 50), marked `beyond`; a list under the cap is complete, so a
 *   project missing from it is gone (someone else deleted it);
 * - with the writes still in flight applied on top, in the order they were
 *   made, except those that depend on a failed one.
 */
export function foldWrites(
  answered: ProjectList,
  records: readonly WriteRecord[],
): { items: ShownProject[] } {
  const items = new Map<number, ShownProject>(answered.items.map((p) => [p.id, p]))
  const dropped = droppedWrites(records)

  if (isCapped(answered)) {
    const saved = new Map<number, Project | undefined>()
    for (const { write, status } of records) {
      if (status === 'success') saved.set(write.project.id, written(write))
    }
    for (const [id, project] of saved) {
      if (project && !items.has(id)) items.set(id, { ...project, beyond: true })
    }
  }

  for (const { write, status } of records) {
    if (status !== 'pending' || dropped.has(write.key)) continue
    const id = write.project.id
    const current = items.get(id)
    if (write.type === 'create') items.set(id, write.project)
    else if (write.type === 'delete') items.delete(id)
    // A rename of a project that is no longer there shows nothing: it won't bring it back.
    else if (current) items.set(id, { ...current, name: write.name })
  }
  return { items: [...items.values()] }
}
