import { apiRequest } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'
import { useProjectWrite, type ProjectWrite } from './project-write'

export async function deleteProject(id: number): Promise<ProjectList> {
  const body = { 'project-id': id }
  return parseProjects(await apiRequest({ method: 'DELETE', path: '/projects', body }))
}

export function useDeleteProject() {
  return useProjectWrite((write: Extract<ProjectWrite, { type: 'delete' }>) =>
    deleteProject(write.project.id),
  )
}
