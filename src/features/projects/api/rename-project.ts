import { apiRequest } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'
import { useProjectWrite, type ProjectWrite } from './project-write'

/** PUT changes the name only. */
export async function renameProject(id: number, name: string): Promise<ProjectList> {
  const body = { 'project-id': id, name }
  return parseProjects(await apiRequest({ method: 'PUT', path: '/projects', body }))
}

export function useRenameProject() {
  return useProjectWrite((write: Extract<ProjectWrite, { type: 'rename' }>) =>
    renameProject(write.id, write.name),
  )
}
