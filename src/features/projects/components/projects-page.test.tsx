import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { http, HttpResponse } from 'msw'
import { seedProjects, server } from '../../../../tests/setup/local-aws'
import {
  PROJECTS_URL,
  recordApiRequests,
  renderProjectsPage,
  signInForApi,
} from '../../../../tests/setup/render-projects'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

const names = () =>
  within(screen.getByRole('list', { name: 'Projects' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.project-name')?.textContent)

/** `count` projects named "Project 1" to "Project <count>", in the API's format. */
const numbered = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    'project-id': i + 1,
    name: `Project ${i + 1}`,
    'is-default': false,
  }))

describe('projects page', () => {
  beforeEach(signInForApi)

  it('shows every project, the default first, then by name with numbers in order, in one request', async () => {
    const requests = recordApiRequests()
    await seedProjects([
      { 'project-id': 10, name: 'sprint 10', 'is-default': false },
      { 'project-id': 2, name: 'Sprint 2' },
      { 'project-id': 200, name: 'Typing', 'is-default': true },
      { 'project-id': 7, name: 'apple', 'is-default': false },
    ])
    renderProjectsPage()
    expect(screen.getByText('Loading projects…')).toBeInTheDocument()
    expect(await screen.findByText('4 projects')).toBeInTheDocument()
    expect(names()).toEqual(['Typing', 'apple', 'Sprint 2', 'sprint 10'])
    const typing = screen.getAllByRole('listitem')[0]!
    expect(within(typing).getByText('Default')).toBeInTheDocument()
    expect(within(typing).getByText('id 200')).toBeInTheDocument()
    expect(requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('says it is loading, then offers to create the first project when there is none', async () => {
    renderProjectsPage()
    expect(screen.getByText('Loading projects…')).toBeInTheDocument()
    expect(await screen.findByText(/There are no projects yet/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Create project' })).toBeInTheDocument()
  })

  it('filters by name or id and counts what it shows', async () => {
    await seedProjects([
      { 'project-id': 1, name: 'Yoga', 'is-default': false },
      { 'project-id': 2, name: 'Typing', 'is-default': false },
      { 'project-id': 345, name: 'Cooking', 'is-default': false },
    ])
    const { user } = renderProjectsPage()
    const filter = await screen.findByRole('searchbox', { name: 'Filter projects' })
    await user.type(filter, 'YO')
    expect(await screen.findByText('1 of 3 projects')).toBeInTheDocument()
    expect(names()).toEqual(['Yoga'])

    await user.clear(filter)
    await user.type(filter, '345')
    expect(await screen.findByText('1 of 3 projects')).toBeInTheDocument()
    expect(names()).toEqual(['Cooking'])

    await user.type(filter, '9')
    expect(await screen.findByText('No project matches “3459”.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear the filter' }))
    expect(await screen.findByText('3 projects')).toBeInTheDocument()
    expect(filter).toHaveValue('')
  })

  it('renders every row of a list of up to 200', async () => {
    server.use(http.get(PROJECTS_URL, () => HttpResponse.json(numbered(200))))
    renderProjectsPage()
    expect(await screen.findByText('200 projects')).toBeInTheDocument()
    expect(names()).toHaveLength(200)
    expect(names().at(-1)).toBe('Project 200')
  })

  it('renders only the rows on screen of a long list, and filters all of it', async () => {
    // 2,000 in one answer: the API as it would be once it follows LastEvaluatedKey.
    server.use(http.get(PROJECTS_URL, () => HttpResponse.json(numbered(2000))))
    const { user } = renderProjectsPage()
    expect(await screen.findByText('2,000 projects')).toBeInTheDocument()
    expect(screen.getAllByRole('listitem').length).toBeLessThan(100)
    // Scrolled to its end, the list brings its last rows, still only a screenful.
    await waitFor(() => {
      const scroller = screen.getByRole('list', { name: 'Projects' }).parentElement!
      // jsdom doesn't scroll: the scroller reports the offset a browser would.
      vi.spyOn(scroller, 'scrollTop', 'get').mockReturnValue(2000 * 64 - 640)
      fireEvent.scroll(scroller)
      expect(names()).toContain('Project 2000')
    })
    expect(screen.getAllByRole('listitem').length).toBeLessThan(100)
    await user.type(screen.getByRole('searchbox', { name: 'Filter projects' }), 'Project 1999')
    expect(await screen.findByText('1 of 2,000 projects')).toBeInTheDocument()
    expect(names()).toEqual(['Project 1999'])
  })

  it('speaks Japanese', async () => {
    localStorage.setItem('language', 'ja')
    await seedProjects([{ 'project-id': 1, name: 'ヨガ', 'is-default': true }])
    renderProjectsPage()
    expect(await screen.findByText('1 件のプロジェクト')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'プロジェクト', level: 1 })).toBeInTheDocument()
    expect(screen.getByText('デフォルト')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '「ヨガ」の名前を変更' })).toBeInTheDocument()
  })
})
