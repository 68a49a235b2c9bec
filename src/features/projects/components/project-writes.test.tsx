import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { projects, seedProjects, server } from '../../../../tests/setup/local-aws'
import {
  fail502,
  findAlert,
  projectList,
  PROJECTS_URL,
  recordApiRequests,
  renderProjectsPage,
  signInWithProjects,
  storedNames,
} from '../../../../tests/setup/render-projects'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

describe('changing projects', () => {
  beforeEach(() => signInWithProjects())

  it('creates a project with a free id in one request, and shows it at once', async () => {
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await screen.findByText('1 project')
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.click(screen.getByLabelText('Make it the default project'))
    await user.click(screen.getByRole('button', { name: 'Create project' }))

    expect(within(projectList()).getByText('Yoga')).toBeInTheDocument()
    expect(await screen.findByText(/^Created “Yoga” \(id \d+\)\.$/)).toBeInTheDocument()
    expect(screen.getByLabelText('Name')).toHaveValue('')
    expect(screen.getByLabelText('Name')).toHaveFocus()
    expect(screen.getByText('2 projects')).toBeInTheDocument()
    const post = requests[1]!
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST'])
    expect(post.body).toEqual({
      'project-id': expect.any(Number),
      name: 'Yoga',
      'is-default': true,
    })
    expect((post.body as Record<string, unknown>)['project-id']).not.toBe(200)
    expect(storedNames().sort()).toEqual(['Typing', 'Yoga'])
  })

  it('refuses a typed id that is taken or not a whole number, before sending anything', async () => {
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await screen.findByText('1 project')
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.type(screen.getByLabelText('Id (optional)'), '0.2e3')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(screen.getByText(/Id 200 is already used by “Typing”/)).toBeInTheDocument()
    expect(screen.getByLabelText('Id (optional)')).toHaveFocus()

    await user.clear(screen.getByLabelText('Id (optional)'))
    await user.type(screen.getByLabelText('Id (optional)'), '12.5')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(screen.getByText('An id is a whole number, like 200.')).toBeInTheDocument()

    await user.clear(screen.getByLabelText('Id (optional)'))
    await user.type(screen.getByLabelText('Id (optional)'), '201')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    await screen.findByText('Created “Yoga” (id 201).')
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST'])
    expect(requests[1]?.body).toEqual({ 'project-id': 201, name: 'Yoga', 'is-default': false })
  })

  it('takes a failed create back and gives back what was typed', async () => {
    server.use(http.post(PROJECTS_URL, fail502))
    const { user } = renderProjectsPage()
    await screen.findByText('1 project')
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.type(screen.getByLabelText('Id (optional)'), '7')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(await findAlert()).toHaveTextContent(
      /Could not create “Yoga”\. The projects service had a problem/,
    )
    expect(within(projectList()).queryByText('Yoga')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Name')).toHaveValue('Yoga')
    expect(screen.getByLabelText('Id (optional)')).toHaveValue('7')
  })

  it('renames in place: Enter saves in one request, Escape cancels, focus comes back', async () => {
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    const box = screen.getByRole('textbox', { name: 'New name for “Typing”' })
    expect(box).toHaveFocus()
    await user.clear(box)
    await user.type(box, 'Nope{Escape}')
    expect(within(projectList()).getByText('Typing')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Rename “Typing”' })).toHaveFocus()

    await user.keyboard('{Enter}')
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    expect(within(projectList()).getByText('Yoga')).toBeInTheDocument()
    expect(await screen.findByText('Renamed to “Yoga”.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Rename “Yoga”' })).toHaveFocus()
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(requests[1]?.body).toEqual({ 'project-id': 200, name: 'Yoga' })
    expect(storedNames()).toEqual(['Yoga'])
  })

  it('puts the old name back when a rename fails, keeping the new one in the box', async () => {
    server.use(http.put(PROJECTS_URL, () => HttpResponse.error()))
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    expect(await findAlert()).toHaveTextContent(
      'Could not rename “Typing” to “Yoga”. The projects service could not be reached. Check your connection and try again. The name you typed, “Yoga”, is back in the box.',
    )
    expect(screen.getByRole('textbox', { name: 'New name for “Typing”' })).toHaveValue('Yoga')
    await user.keyboard('{Escape}')
    expect(within(projectList()).getByText('Typing')).toBeInTheDocument()
  })

  it('deletes after a confirmation, then Undo brings it back as it was', async () => {
    await seedProjects([{ 'project-id': 5, name: 'Main', 'is-default': true }])
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Delete “Main”' }))
    expect(screen.getByRole('group', { name: 'Delete “Main”?' })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('group', { name: 'Delete “Main”?' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete “Main”' })).toHaveFocus()

    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(within(projectList()).queryByText('Main')).not.toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Main”.')
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus()
    await waitFor(() => expect(storedNames()).toEqual(['Typing']))

    await user.keyboard('{Enter}')
    expect(within(projectList()).getByText('Main')).toBeInTheDocument()
    expect(await screen.findByText('Restored “Main”.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Rename “Main”' })).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    expect(requests.map((r) => r.method)).toEqual(['GET', 'DELETE', 'POST'])
    expect(requests[1]?.body).toEqual({ 'project-id': 5 })
    expect(requests[2]?.body).toEqual({ 'project-id': 5, name: 'Main', 'is-default': true })
  })

  it('says so when Undo fails, and offers it again', async () => {
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Delete “Typing”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(storedNames()).toEqual([]))
    server.use(http.post(PROJECTS_URL, fail502, { once: true }))
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(await findAlert()).toHaveTextContent(/Could not restore “Typing”/)
    expect(screen.getByText(/There are no projects yet/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(await screen.findByText('Restored “Typing”.')).toBeInTheDocument()
    expect(projects()).toEqual([{ 'project-id': '200', name: 'Typing', 'is-default': false }])
  })

  it('puts a project back with a message when the delete fails', async () => {
    server.use(http.delete(PROJECTS_URL, fail502))
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Delete “Typing”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await findAlert()).toHaveTextContent(
      /^Could not delete “Typing”\. The projects service had a problem\. .* It is back in the list\.Dismiss$/,
    )
    expect(within(projectList()).getByText('Typing')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete “Typing”' })).toHaveFocus()
  })
})
