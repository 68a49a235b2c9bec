import type { CSSProperties, Ref } from 'react'
import type { ShownProject } from '../api/fold-writes'
import type { Project } from '../api/parse-projects'
import { ProjectRow, type FocusTarget, type RowActions, type RowMode } from './project-row'

export interface FocusRequest {
  id: number
  target: FocusTarget
}

/** What the list is given, whichever way it renders its rows. */
export interface ProjectListProps {
  projects: readonly ShownProject[]
  label: string
  modeOf: (project: Project) => RowMode | undefined
  focusRequest: FocusRequest | null
  onFocused: () => void
  actions: RowActions
}

const VIEW: RowMode = { type: 'view' }

/**
 * One project's `<li>`, the same in the plain and the virtualised list. It
 * carries its position in the whole list, since a list may hold only some of
 * its rows in the DOM.
 */
export function ProjectListItem({
  list,
  index,
  measureRef,
  style,
}: {
  list: ProjectListProps
  index: number
  /** The virtualiser's measuring ref, which reads `data-index`. */
  measureRef?: Ref<HTMLLIElement>
  style?: CSSProperties
}) {
  const project = list.projects[index]
  if (!project) return null
  const { focusRequest } = list
  return (
    <li
      data-index={index}
      ref={measureRef}
      className="project-row"
      aria-setsize={list.projects.length}
      aria-posinset={index + 1}
      style={style}
    >
      <ProjectRow
        project={project}
        mode={list.modeOf(project) ?? VIEW}
        focus={focusRequest?.id === project.id ? focusRequest.target : undefined}
        onFocused={list.onFocused}
        actions={list.actions}
      />
    </li>
  )
}
