import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { itemProps, ProjectListItem, type ProjectListProps } from './project-list-item'

/**
 * The list, virtualised: only the rows on screen (plus a few) are in the DOM,
 * so 10,000 projects render and filter as fast as 20. Row heights are measured,
 * since long names wrap. Positions come from the virtualiser through React's
 * `style` prop, which is applied through the CSSOM and so allowed by the CSP.
 * Its own chunk: project-list.tsx loads it only for a long list.
 */
export function VirtualProjectList(props: ProjectListProps) {
  const { projects, label, focusRequest } = props
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
        className="project-list virtualised"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const project = projects[item.index]
          return (
            project && (
              <ProjectListItem
                key={item.key}
                {...itemProps(props, project, item.index)}
                measureRef={virtualizer.measureElement}
                offset={item.start}
              />
            )
          )
        })}
      </ul>
    </div>
  )
}
