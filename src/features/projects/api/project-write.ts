import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Project, ProjectList } from './parse-projects'
import { projectsQuery } from './get-projects'
import { projectKeys } from './project-keys'

/** One change to the list, as the user made it. Undo is a `create` of the deleted project. */
export type ProjectWrite =
  | { type: 'create'; project: Project }
  | { type: 'rename'; id: number; name: string }
  | { type: 'delete'; project: Project }

export function writeId(write: ProjectWrite): number {
  return write.type === 'rename' ? write.id : write.project.id
}

/** The list as it looks once `write` is done: what the user sees while it is on its way. */
export function applyWrite(list: ProjectList, write: ProjectWrite): ProjectList {
  const id = writeId(write)
  const others = list.items.filter((project) => project.id !== id)
  switch (write.type) {
    case 'create':
      return { ...list, items: [...others, write.project] }
    case 'delete':
      return { ...list, items: others }
    case 'rename':
      return {
        ...list,
        items: list.items.map((p) => (p.id === id ? { ...p, name: write.name } : p)),
      }
  }
}

/** Puts back one project as it was before a failed write, leaving every other change alone. */
function restore(list: ProjectList, id: number, previous: Project | undefined): ProjectList {
  const others = list.items.filter((project) => project.id !== id)
  return { ...list, items: previous ? [...others, previous] : others }
}

/** Writes still waiting for their answer, oldest first, other than `except`. */
function pendingWrites(client: QueryClient, except: ProjectWrite): ProjectWrite[] {
  return client
    .getMutationCache()
    .findAll({ mutationKey: projectKeys.writes(), status: 'pending' })
    .map((mutation) => mutation.state.variables as ProjectWrite | undefined)
    .filter((write): write is ProjectWrite => write !== undefined && write !== except)
}

/**
 * The shared shape of every write: show it at once, send it (one request,
 * never retried blindly), then put the list the API answered in the cache
 * (no extra GET), with any writes still queued behind it shown on top. On a
 * failure, only the project this write touched goes back to how it was.
 * Writes share one scope, so they reach the API in the order the user made them.
 */
export function useProjectWrite<W extends ProjectWrite>(send: (write: W) => Promise<ProjectList>) {
  const client = useQueryClient()
  const key = projectsQuery().queryKey
  return useMutation({
    mutationKey: projectKeys.writes(),
    scope: { id: 'projects' },
    mutationFn: send,
    networkMode: 'always',
    retry: false,
    onMutate: async (write: W) => {
      await client.cancelQueries({ queryKey: key })
      const list = client.getQueryData(key)
      const previous = list?.items.find((project) => project.id === writeId(write))
      if (list) client.setQueryData(key, applyWrite(list, write))
      return { previous }
    },
    onError: (_error, write, context) => {
      client.setQueryData(key, (list) => list && restore(list, writeId(write), context?.previous))
    },
    onSuccess: (answered, write) => {
      client.setQueryData(key, pendingWrites(client, write).reduce(applyWrite, answered))
    },
  })
}
