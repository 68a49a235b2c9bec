import { lazy, Suspense } from 'react'
import { itemProps, ProjectListItem, type ProjectListProps } from './project-list-item'

/**
 * Up to this many rows, the list is plain DOM: every row rendered, the browser
 * scrolling. The API lists at most 50 projects (a few more with writes beyond
 * its limit on top), so every real list is plain and nobody downloads the
 * virtualiser (about 10 kB gzipped). 200 rows of a few elements each render and
 * re-filter within a frame or two; above that, a list only comes from an API
 * that pages through more (10,000 must stay smooth), and it is virtualised.
 */
const PLAIN_UP_TO = 200
/**
 * While the virtualiser's chunk loads, a long list shows its first rows plainly:
 * more than a tall screen holds, far fewer than the whole list.
 */
const ROWS_WHILE_LOADING = 40

const VirtualProjectList = lazy(() =>
  import('./virtual-project-list').then((module) => ({ default: module.VirtualProjectList })),
)

export function ProjectList(props: ProjectListProps) {
  if (props.projects.length <= PLAIN_UP_TO) return <PlainProjectList {...props} />
  return (
    <Suspense fallback={<PlainProjectList {...props} rows={ROWS_WHILE_LOADING} />}>
      <VirtualProjectList {...props} />
    </Suspense>
  )
}

/**
 * Every row (or the first `rows`) in the DOM. A row asked to take focus does so
 * itself (project-row.tsx), and focusing scrolls it into view.
 */
function PlainProjectList({ rows, ...list }: ProjectListProps & { rows?: number }) {
  return (
    <div className="project-scroller">
      <ul className="project-list" aria-label={list.label}>
        {list.projects.slice(0, rows).map((project, index) => (
          <ProjectListItem key={project.id} {...itemProps(list, project, index)} />
        ))}
      </ul>
    </div>
  )
}
