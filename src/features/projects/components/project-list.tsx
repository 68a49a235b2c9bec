import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { ShownProject } from '../api/fold-writes'
import type { Project } from '../api/parse-projects'
import { ProjectRow, type FocusTarget, type RowActions, type RowMode } from './project-row'

export interface FocusRequest {
  id: number
  target: FocusTarget
}

const VIEW: RowMode = { type: 'view' }

/**
 * The list, virtualised: only the rows on screen (plus a few) are in the DOM,
 * so 10,000 projects render and filter as fast as 20. Row heights are measured,
 * since long names wrap. Positions come from the virtualiser through React's
 * `style` prop, which is applied through the CSSOM and so allowed by the CSP.
 */
export function ProjectList({
  projects,
  label,
  modeOf,
  focusRequest,
  onFocused,
  actions,
}: {
  projects: readonly ShownProject[]
  label: string
  modeOf: (project: Project) => RowMode | undefined
  focusRequest: FocusRequest | null
  onFocused: () => void
  actions: RowActions
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count: projects.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 8,
    getItemKey: (index) => projects[index]?.id ?? index,
  })

  const focusIndex = focusRequest
    ? projects.findIndex((project) => project.id === focusRequest.id)
    : -1
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' })
  }, [focusIndex, focusRequest, virtualizer])

  return (
    <div className="project-scroller" ref={scrollRef}>
      <ul
        className="project-list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const project = projects[item.index]
          if (!project) return null
          return (
            <li
              key={project.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="project-row"
              aria-setsize={projects.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ProjectRow
                project={project}
                mode={modeOf(project) ?? VIEW}
                focus={focusRequest?.id === project.id ? focusRequest.target : undefined}
                onFocused={onFocused}
                actions={actions}
              />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
