import { apiRequest } from '@/lib/api-client'
import { parseProjects, type Project, type ProjectList } from './parse-projects'

/**
 * POST replaces a project with the same id silently: callers must pick an id
 * not in the list (see new-project-id.ts). Also used by Undo to bring a
 * deleted project back exactly as it was.
 */
export async function createProject(project: Project): Promise<ProjectList> {
  const body = { 'project-id': project.id, name: project.name, 'is-default': project.isDefault }
  return parseProjects(await apiRequest({ method: 'POST', path: '/projects', body }))
}
