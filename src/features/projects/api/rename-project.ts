import { apiRequest } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'

/** PUT changes the name only, and re-creates an id that no longer exists (without its default flag). */
export async function renameProject(id: number, name: string): Promise<ProjectList> {
  const body = { 'project-id': id, name }
  return parseProjects(await apiRequest({ method: 'PUT', path: '/projects', body }))
}
