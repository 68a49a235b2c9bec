import {
  mutationOptions,
  onlineManager,
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
import { newProjectId } from './new-project-id'
import { isCapped, isUnflagged, type Project, type ProjectList } from './parse-projects'
import { projectKeys } from './project-keys'
import { renameProject } from './rename-project'

/** A write as an action makes it; the hook adds what it knows of the moment: `key`, `after`, `listed`, `since`, `queued`. */
export type WriteRequest = ProjectWrite extends infer W
  ? W extends ProjectWrite
    ? Omit<
        W,
        'key' | 'after' | 'listed' | 'since' | 'queued' | 'madeAt' | 'restored' | 'interrupted'
      >
    : never
  : never

/**
 * What a write settles with: the API's answer (the whole list) and, for a
 * create, the project as sent, whose id differs from the one the user saw if
 * someone else took that id while the create waited for the network.
 */
export interface WriteAnswer {
  list: ProjectList
  sent?: Project
}

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
 * The list a write is checked against: the cached one if it is fresh (no
 * extra request), else a new one (one GET, which also refreshes the page).
 * A write that waited for the network needs one answered since it was made:
 * what the page knew before says nothing of the time it was offline.
 * Not through the query cache: a write queued meanwhile cancels cache fetches.
 */
async function currentList(client: QueryClient, write: ProjectWrite): Promise<ProjectList> {
  const key = projectsQuery().queryKey
  // A restored write starts with the page, maybe while its first GET is out: that answer will do.
  if (client.isFetching({ queryKey: key }) > 0)
    await client.fetchQuery(projectsQuery()).catch(() => undefined)
  const state = client.getQueryState(key)
  const since = write.queued ? (write.madeAt ?? Infinity) : -Infinity
  const current =
    state && state.dataUpdatedAt > since && Date.now() - state.dataUpdatedAt <= FRESH_MS
  if (state?.data && current) return state.data
  const list = await getProjects()
  client.setQueryData(key, list)
  return list
}

/**
 * Whether the write needs the current list before it goes: a rename or delete
 * always (PUT re-creates a deleted project and the last write wins), a create
 * that waited for the network (someone may have taken its id meanwhile), and
 * a write that was in flight when the page went away (it may have landed).
 */
const needsCheck = (write: ProjectWrite) =>
  write.interrupted === true || (write.type === 'create' ? write.queued === true : !write.confirmed)

/** Whether `list` already shows the write done: an interrupted write that reached the API. */
function landed(write: ProjectWrite, list: ProjectList): boolean {
  const current = list.items.find((p) => p.id === write.project.id)
  switch (write.type) {
    case 'create':
      return current?.name === write.project.name
    case 'rename':
      return current?.name === write.name
    case 'delete':
      return current === undefined && !isCapped(list)
  }
}

/**
 * Checks a rename or delete against `list`, throwing the conflict if the
 * project changed since the user saw it; returns the write to send, which for
 * a create whose id someone else took meanwhile carries a new id.
 */
function checked(client: QueryClient, write: ProjectWrite, list: ProjectList): ProjectWrite {
  const current = list.items.find((p) => p.id === write.project.id)
  if (write.type === 'create') {
    if (!current) return write
    const taken = new Set(list.items.map((p) => p.id))
    return { ...write, project: { ...write.project, id: newProjectId(taken) } }
  }
  if (current) {
    // Against what the API should hold, not what the screen showed: that
    // included this tab's earlier writes, and one of them may have failed.
    const expected = expectedOnServer(write, writeRecords(client)) ?? write.project
    if (current.name !== expected.name) throw new WriteConflict('renamed', current, expected)
    return write
  }
  // A delete of a project that may exist beyond the cap is harmless: DELETE of a missing id is a no-op.
  if (
    isCapped(list) &&
    (write.type === 'delete' || savedHere(write.project.id, writeRecords(client)))
  )
    return write
  throw new WriteConflict(isCapped(list) ? 'unlisted' : 'gone')
}

function toRecord(mutation: Mutation): WriteRecord | undefined {
  const write = mutation.state.variables as ProjectWrite | undefined
  const { status, isPaused } = mutation.state
  if (!write || status === 'idle') return undefined
  // Paused while online is only waiting its turn behind a write in flight.
  return { write, status, waiting: status === 'pending' && isPaused && !onlineManager.isOnline() }
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

/** Sends one write: checked first when it needs to be, then one request. */
async function sendWrite(client: QueryClient, write: ProjectWrite): Promise<WriteAnswer> {
  const blocker = blockingWrite(write, writeRecords(client))
  if (blocker) throw new WriteNotSent(blocker)
  let sent = write
  if (needsCheck(write)) {
    const list = await currentList(client, write)
    if (write.interrupted && landed(write, list)) return { list, sent: write.project }
    sent = checked(client, write, list)
  }
  const before = client.getQueryData(projectsQuery().queryKey)
  const answer = await send(sent)
  if (recreatedBy(sent, before, answer, writeRecords(client)))
    return undoRecreation(client, sent, answer)
  return { list: answer, sent: sent.project }
}

/**
 * Every write goes through here: one request, never retried blindly, in the
 * order the user made them (one scope). The cache only ever holds what the API
 * answered, so the answer of a write (the whole list) replaces it, with no
 * extra GET; what the screen shows meanwhile is derived by `foldWrites`.
 * A write that builds on an earlier one that failed is not sent at all.
 * Made with no network, a write waits (paused, in order) and goes when the
 * network is back; these options are also the mutation cache's defaults for
 * writes, so a write restored after a reload (offline-queue.ts) has them too.
 * Finished writes stay in the mutation cache for the life of the page: the
 * fold needs them to keep showing projects the capped list leaves out.
 */
export const writeOptions = () =>
  mutationOptions({
    mutationKey: projectKeys.writes(),
    scope: { id: 'projects' },
    networkMode: 'online',
    retry: false,
    gcTime: Infinity,
    // A read in flight was asked before this write: its answer must not land after it.
    onMutate: (_write: ProjectWrite, { client }) =>
      client.cancelQueries({ queryKey: projectsQuery().queryKey }),
    mutationFn: (write: ProjectWrite, { client }) => sendWrite(client, write),
    onSuccess: (answer: WriteAnswer, _write, _context, { client }) =>
      client.setQueryData(projectsQuery().queryKey, answer.list),
  })

/** Unique across reloads too: a restored write keeps its key, and later ones name it. */
const newWriteKey = () => `w-${crypto.randomUUID()}`

export function useProjectWrite() {
  const client = useQueryClient()
  const { mutateAsync } = useMutation(writeOptions())

  /** Sends `request`, settling with the API's answer or the reason it failed. */
  return useCallback(
    (request: WriteRequest): { write: ProjectWrite; done: Promise<WriteAnswer> } => {
      const id = request.project.id
      const records = writeRecords(client)
      const inFlight = records.filter((r) => r.status === 'pending' && r.write.project.id === id)
      const write = {
        ...request,
        key: newWriteKey(),
        after: inFlight.filter((r) => buildsOn(request, r.write)).map((r) => r.write.key),
        listed: client.getQueryData(projectsQuery().queryKey)?.items.find((p) => p.id === id),
        since: inFlight.map((r) => r.write.key),
        // It will wait for the network, behind any other write already waiting.
        queued: !onlineManager.isOnline() || records.some((r) => r.waiting),
        madeAt: Date.now(),
      } as ProjectWrite
      return { write, done: mutateAsync(write) }
    },
    [client, mutateAsync],
  )
}
