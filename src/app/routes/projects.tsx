import { ProjectsPage } from '@/features/projects/components/projects-page'

/** The projects screen: a lazy chunk, reached behind the sign-in guard. */
export function Component() {
  return <ProjectsPage />
}
