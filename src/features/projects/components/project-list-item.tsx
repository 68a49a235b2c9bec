import { memo, type Ref } from 'react'
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
 * What one row is given from the list's props: its own project, mode and
 * focus, and the list's stable callbacks, so that a row whose project and
 * mode stay the same is skipped (typing in a rename box re-renders that row
 * alone, however long the list).
 */
export function itemProps(list: ProjectListProps, project: ShownProject, index: number) {
  const { focusRequest } = list
  return {
    project,
    index,
    setSize: list.projects.length,
    mode: list.modeOf(project) ?? VIEW,
    focus: focusRequest?.id === project.id ? focusRequest.target : undefined,
    onFocused: list.onFocused,
    actions: list.actions,
  }
}

/**
 * One project's `<li>`, the same in the plain and the virtualised list. It
 * carries its position in the whole list, since a list may hold only some of
 * its rows in the DOM.
 */
export const ProjectListItem = memo(function ProjectListItem({
  project,
  index,
  setSize,
  mode,
  focus,
  onFocused,
  actions,
  measureRef,
  offset,
}: ReturnType<typeof itemProps> & {
  /** The virtualiser's measuring ref, which reads `data-index`. */
  measureRef?: Ref<HTMLLIElement>
  /** The virtualiser's position for the row, in pixels from the list's top. */
  offset?: number
}) {
  return (
    <li
      data-index={index}
      ref={measureRef}
      className="project-row"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={offset === undefined ? undefined : { transform: `translateY(${offset}px)` }}
    >
      <ProjectRow
        project={project}
        mode={mode}
        focus={focus}
        onFocused={onFocused}
        actions={actions}
      />
    </li>
  )
})
