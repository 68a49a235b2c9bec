import {
  useMutation,
  useMutationState,
  useQueryClient,
  type Mutation,
  type QueryClient,
} from '@tanstack/react-query'
import { createProject } from './create-project'
import { deleteProject } from './delete-project'
import {
  blockingWrite,
  buildsOn,
  savedHere,
  type ProjectWrite,
  type WriteRecord,
} from './fold-writes'
import { FRESH_MS, getProjects, projectsQuery } from './get-projects'
import { isCapped, type Project, type ProjectList } from './parse-projects'
import { projectKeys } from './project-keys'
import { renameProject } from './rename-project'

/** A write as an action makes it; the hook adds `key` and `after`. */
export type WriteRequest = ProjectWrite extends infer W
  ? W extends ProjectWrite
    ? Omit<W, 'key' | 'after'>
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
 * A rename or delete that was not sent because the project changed since the
 * user last saw it: `gone` (someone deleted it), `renamed` (someone renamed it,
 * to `current.name`), or `unlisted` (a capped list leaves it out, so whether it
 * still exists can't be told, and a rename would re-create it if not).
 */
export class WriteConflict extends Error {
  override name = 'WriteConflict'
  constructor(
    readonly kind: 'gone' | 'renamed' | 'unlisted',
    readonly current?: Project,
  ) {
    super(`The project changed since it was loaded (${kind}).`)
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
    if (current.name !== write.project.name) throw new WriteConflict('renamed', current)
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

/** The same, for rendering: re-renders when a write starts or settles. */
export function useWriteRecords(): WriteRecord[] {
  return useMutationState({
    filters: { mutationKey: projectKeys.writes() },
    select: toRecord,
  }).filter(isRecord)
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
      return send(write)
    },
    onSuccess: (answered) => client.setQueryData(key, answered),
  })
  const { mutateAsync } = mutation

  /** Sends `request`, settling with the API's list or the reason it failed. */
  return (request: WriteRequest): { write: ProjectWrite; done: Promise<ProjectList> } => {
    const after = writeRecords(client)
      .filter((r) => r.status === 'pending' && buildsOn(request, r.write))
      .map((r) => r.write.key)
    counter += 1
    const write = { ...request, key: `w${counter}`, after } as ProjectWrite
    return { write, done: mutateAsync(write) }
  }
}
