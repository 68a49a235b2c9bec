import { apiRequest } from '@/lib/api-client'
import { parseProjects, type ProjectList } from './parse-projects'

/** DELETE of an id that doesn't exist still answers 200. */
export async function deleteProject(id: number): Promise<ProjectList> {
  const body = { 'project-id': id }
  return parseProjects(await apiRequest({ method: 'DELETE', path: '/projects', body }))
}
