import {
  useMutation,
  useMutationState,
  useQueryClient,
  type Mutation,
  type QueryClient,
} from '@tanstack/react-query'
import { createProject } from './create-project'
import { deleteProject } from './delete-project'
import { useCallback, useMemo } from 'react'
import {
  blockingWrite,
  buildsOn,
  expectedOnServer,
  savedHere,
  type ProjectWrite,
  type WriteRecord,
} from './fold-writes'
import { FRESH_MS, getProjects, projectsQuery } from './get-projects'
import { isCapped, isUnflagged, type Project, type ProjectList } from './parse-projects'
import { projectKeys } from './project-keys'
import { renameProject } from './rename-project'

/** A write as an action makes it; the hook adds `key`, `after`, `listed` and `since`. */
export type WriteRequest = ProjectWrite extends infer W
  ? W extends ProjectWrite
    ? Omit<W, 'key' | 'after' | 'listed' | 'since'>
    : never
  : never

/** A write that was not sent because an earlier write it built on failed. */
export class WriteNotSent extends Error {
  override name = 'WriteNotSent'
  constructor(readonly blocker: ProjectWrite) {
    super('An earlier write this one depends on failed.')
  }
}

/**
 * A rename or delete that found the project changed since the user last saw
 * it: `gone` (someone deleted it; not sent, or a rename that re-created it was
 * undone), `renamed` (someone renamed it from `expected.name` to
 * `current.name`; not sent), `unlisted` (a capped list leaves it out, so
 * whether it still exists can't be told, and a rename would re-create it if
 * not; not sent), or `recreated` (someone deleted it, the rename brought it
 * back, and deleting it again failed with `cause`).
 */
export class WriteConflict extends Error {
  override name = 'WriteConflict'
  constructor(
    readonly kind: 'gone' | 'renamed' | 'unlisted' | 'recreated',
    readonly current?: Project,
    readonly expected?: Project,
    options?: { cause: unknown },
  ) {
    super(`The project changed since it was loaded (${kind}).`, options)
  }
}

/**
 * PUT re-creates a deleted project and the last write wins, so a rename or
 * delete is first checked against the list: the cached one if it is fresh
 * (no extra request), else a new one (one GET, which also refreshes the page).
 */
async function checkCurrent(client: QueryClient, write: ProjectWrite): Promise<void> {
  if (write.type === 'create' || write.confirmed) return
  const key = projectsQuery().queryKey
  const state = client.getQueryState(key)
  let list = state?.data
  if (!state || !list || Date.now() - state.dataUpdatedAt > FRESH_MS) {
    // Not through the query cache: a write queued meanwhile cancels cache fetches.
    list = await getProjects()
    client.setQueryData(key, list)
  }
  const current = list.items.find((p) => p.id === write.project.id)
  if (current) {
    // Against what the API should hold, not what the screen showed: that
    // included this tab's earlier writes, and one of them may have failed.
    const expected = expectedOnServer(write, writeRecords(client)) ?? write.project
    if (current.name !== expected.name) throw new WriteConflict('renamed', current, expected)
    return
  }
  // A delete of a project that may exist beyond the cap is harmless: DELETE of a missing id is a no-op.
  if (
    isCapped(list) &&
    (write.type === 'delete' || savedHere(write.project.id, writeRecords(client)))
  )
    return
  throw new WriteConflict(isCapped(list) ? 'unlisted' : 'gone')
}

function toRecord(mutation: Mutation): WriteRecord | undefined {
  const write = mutation.state.variables as ProjectWrite | undefined
  const { status } = mutation.state
  if (!write || status === 'idle') return undefined
  return { write, status }
}

const isRecord = (record: WriteRecord | undefined): record is WriteRecord => record !== undefined

/** This tab's writes, oldest first, as they stand now. */
export function writeRecords(client: QueryClient): WriteRecord[] {
  return client
    .getMutationCache()
    .findAll({ mutationKey: projectKeys.writes() })
    .map(toRecord)
    .filter(isRecord)
}

/**
 * The same, for rendering: re-renders when a write starts or settles, and is
 * the same array until then (useMutationState shares equal results), so what
 * is derived from it is derived once per change.
 */
export function useWriteRecords(): WriteRecord[] {
  const records = useMutationState({
    filters: { mutationKey: projectKeys.writes() },
    select: toRecord,
  })
  return useMemo(() => records.filter(isRecord), [records])
}

/**
 * Whether a rename's answer shows that the PUT re-created a project someone
 * had deleted: the API lists no version, but this app always writes
 * `is-default` and PUT keeps it, while an upserted item has none. So the item
 * had the flag before (listed with it, or saved by this tab) and has lost it.
 */
function recreatedBy(
  write: ProjectWrite,
  before: ProjectList | undefined,
  answer: ProjectList,
  records: readonly WriteRecord[],
): boolean {
  const id = write.project.id
  if (write.type !== 'rename' || !isUnflagged(answer, id)) return false
  const listedBefore = before?.items.some((p) => p.id === id) ?? false
  return listedBefore ? !isUnflagged(before!, id) : savedHere(id, records)
}

/**
 * A rename that re-created a deleted project is undone at once, with one
 * DELETE, so the project stays deleted as its deleter meant; the user is told
 * (`gone`), with the offer to create it anew.
 */
async function undoRecreation(
  client: QueryClient,
  write: ProjectWrite,
  answer: ProjectList,
): Promise<never> {
  const key = projectsQuery().queryKey
  let after: ProjectList
  try {
    after = await deleteProject(write.project.id)
  } catch (error) {
    client.setQueryData(key, answer)
    throw new WriteConflict('recreated', undefined, undefined, { cause: error })
  }
  client.setQueryData(key, after)
  throw new WriteConflict('gone')
}

function send(write: ProjectWrite): Promise<ProjectList> {
  switch (write.type) {
    case 'create':
      return createProject(write.project)
    case 'rename':
      return renameProject(write.project.id, write.name)
    case 'delete':
      return deleteProject(write.project.id)
  }
}

let counter = 0

/**
 * Every write goes through here: one request, never retried blindly, in the
 * order the user made them (one scope). The cache only ever holds what the API
 * answered, so the answer of a write (the whole list) replaces it, with no
 * extra GET; what the screen shows meanwhile is derived by `foldWrites`.
 * A write that builds on an earlier one that failed is not sent at all.
 * Finished writes stay in the mutation cache for the life of the page: the
 * fold needs them to keep showing projects the capped list leaves out.
 */
export function useProjectWrite() {
  const client = useQueryClient()
  const key = projectsQuery().queryKey
  const mutation = useMutation({
    mutationKey: projectKeys.writes(),
    scope: { id: 'projects' },
    networkMode: 'always',
    retry: false,
    gcTime: Infinity,
    // A read in flight was asked before this write: its answer must not land after it.
    onMutate: () => client.cancelQueries({ queryKey: key }),
    mutationFn: async (write: ProjectWrite) => {
      const blocker = blockingWrite(write, writeRecords(client))
      if (blocker) throw new WriteNotSent(blocker)
      await checkCurrent(client, write)
      const before = client.getQueryData(key)
      const answer = await send(write)
      if (recreatedBy(write, before, answer, writeRecords(client)))
        return undoRecreation(client, write, answer)
      return answer
    },
    onSuccess: (answered) => client.setQueryData(key, answered),
  })
  const { mutateAsync } = mutation

  /** Sends `request`, settling with the API's list or the reason it failed. */
  return useCallback(
    (request: WriteRequest): { write: ProjectWrite; done: Promise<ProjectList> } => {
      const id = request.project.id
      const inFlight = writeRecords(client).filter(
        (r) => r.status === 'pending' && r.write.project.id === id,
      )
      counter += 1
      const write = {
        ...request,
        key: `w${counter}`,
        after: inFlight.filter((r) => buildsOn(request, r.write)).map((r) => r.write.key),
        listed: client.getQueryData(projectsQuery().queryKey)?.items.find((p) => p.id === id),
        since: inFlight.map((r) => r.write.key),
      } as ProjectWrite
      return { write, done: mutateAsync(write) }
    },
    [client, mutateAsync],
  )
}
