import { screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderProjectsPage, signInWithProjects } from '../../../../tests/setup/render-projects'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

/** How often each project's row rendered, and how often the list was folded: counted, not changed. */
const counts = vi.hoisted(() => ({ rows: new Map<number, number>(), folds: 0 }))

vi.mock('./project-row', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./project-row')>()
  return {
    ...actual,
    ProjectRow: (props: Parameters<typeof actual.ProjectRow>[0]) => {
      counts.rows.set(props.project.id, (counts.rows.get(props.project.id) ?? 0) + 1)
      return actual.ProjectRow(props)
    },
  }
})

vi.mock('../api/fold-writes', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../api/fold-writes')>()
  return {
    ...actual,
    foldWrites: (...args: Parameters<typeof actual.foldWrites>) => {
      counts.folds += 1
      return actual.foldWrites(...args)
    },
  }
})

describe('rendering a long list', () => {
  beforeEach(() =>
    signInWithProjects(
      Array.from({ length: 30 }, (_, i) => ({
        'project-id': i + 1,
        name: `Project ${i + 1}`,
        'is-default': i === 0,
      })),
    ),
  )

  it('typing in a rename box re-renders that row alone, and does not fold the list again', async () => {
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Project 7”' }))
    const box = screen.getByRole('textbox', { name: 'New name for “Project 7”' })
    counts.rows.clear()
    counts.folds = 0

    await user.type(box, ' renamed')
    expect(box).toHaveValue('Project 7 renamed')
    expect([...counts.rows.keys()]).toEqual([7])
    expect(counts.rows.get(7)).toBeGreaterThanOrEqual(8)
    expect(counts.folds).toBe(0)
  })

  it('folds once more, and re-renders only the changed row, when a rename is sent', async () => {
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Project 7”' }))
    await user.type(screen.getByRole('textbox', { name: 'New name for “Project 7”' }), 'x')
    counts.rows.clear()
    counts.folds = 0
    await user.keyboard('{Enter}')
    expect(await screen.findByText('Renamed to “Project 7x”.')).toBeInTheDocument()
    // Sent, then answered: two changes of the writes, one of the list.
    expect(counts.folds).toBeLessThanOrEqual(3)
    expect([...counts.rows.keys()]).toEqual([7])
  })
})
