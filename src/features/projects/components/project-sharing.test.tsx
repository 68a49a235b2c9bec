import type { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { putItem, scanToWire } from 'local-aws'
import { localAws, seedProjects, server } from '../../../../tests/setup/local-aws'
import {
  findAlert,
  projectList,
  PROJECTS_URL,
  recordApiRequests,
  renderProjectsPage,
  signInForApi,
  signInWithProjects,
  storedNames,
} from '../../../../tests/setup/render-projects'
import { projectsQuery } from '../api/get-projects'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

/** The shared list as other people use it: several tabs, the 50-project cap, changes that cross. */

const methods = (requests: { method: string }[]) => requests.map((r) => r.method)
const sixty = Array.from({ length: 60 }, (_, i) => ({ 'project-id': i + 1, name: `P${i + 1}` }))

/** Someone else renames or deletes, straight in the table. */
async function elsewhere(id: number, name: string | null) {
  await localAws().update((state) => {
    if (name === null) delete state.projects[String(id)]
    else state.projects[String(id)] = { ...state.projects[String(id)], name }
  })
}

/** The list as loaded a minute ago, as if the user had been away. */
function ageList(queryClient: QueryClient) {
  const key = projectsQuery().queryKey
  queryClient.setQueryData(key, queryClient.getQueryData(key), { updatedAt: Date.now() - 60_000 })
}

// As a browser fires it when the tab comes back (react-query listens on window; it bubbles there).
const tabShown = () =>
  act(async () => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })))
const reconnected = async () => {
  await act(async () => void window.dispatchEvent(new Event('offline')))
  await act(async () => void window.dispatchEvent(new Event('online')))
}

describe('the 50-project cap', () => {
  beforeEach(signInForApi)

  it('says the API lists at most 50 and that a search may miss the rest', async () => {
    await seedProjects(sixty)
    renderProjectsPage()
    expect(await screen.findByText('50 projects')).toBeInTheDocument()
    expect(
      screen.getByText('The API lists at most 50 projects, so some may be missing here.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Filter projects' })).toHaveAccessibleDescription(
      'A search only looks through the projects listed here, so it may miss others.',
    )
  })

  it('keeps a project it created on screen, marked, when the answer leaves it out', async () => {
    await seedProjects(sixty)
    // An id the table's hash order puts past the first 50.
    const state = structuredClone(localAws().snapshot())
    let id = 1000
    for (; ; id++) {
      putItem(state, { 'project-id': id, name: 'x' })
      if (!scanToWire(state).some((item) => Number(item['project-id']) === id)) break
      delete state.projects[String(id)]
    }
    const { user, queryClient } = renderProjectsPage()
    await screen.findByText('50 projects')
    await user.type(screen.getByLabelText('Name'), 'Hidden gem')
    await user.type(screen.getByLabelText('Id (optional)'), String(id))
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(
      await screen.findByText(
        `Created “Hidden gem” (id ${id}). The API lists at most 50 projects and left it out of its answer; it is saved, and shown here until you reload.`,
      ),
    ).toBeInTheDocument()
    const row = within(projectList()).getByText('Hidden gem').closest('li')!
    expect(within(row).getByText('Saved, beyond what the API lists')).toBeInTheDocument()
    await act(() => queryClient.refetchQueries())
    expect(within(projectList()).getByText('Hidden gem')).toBeInTheDocument()
    expect(screen.getByText('51 projects')).toBeInTheDocument()
  })
})

describe('other people’s changes', () => {
  beforeEach(() =>
    signInWithProjects([
      { 'project-id': 200, name: 'Typing', 'is-default': false },
      { 'project-id': 7, name: 'Cooking', 'is-default': false },
    ]),
  )

  it('arrive when the tab is shown again, in one GET', async () => {
    const requests = recordApiRequests()
    const { queryClient } = renderProjectsPage()
    await screen.findByText('2 projects')
    await elsewhere(7, 'Baking')
    await seedProjects([{ 'project-id': 8, name: 'Knitting', 'is-default': false }])
    await tabShown()
    expect(screen.queryByText('Baking')).not.toBeInTheDocument() // still fresh: no request
    ageList(queryClient)
    await tabShown()
    expect(await within(projectList()).findByText('Baking')).toBeInTheDocument()
    expect(within(projectList()).getByText('Knitting')).toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'GET'])
  })

  it('arrive when the network comes back, in one GET', async () => {
    const requests = recordApiRequests()
    const { queryClient } = renderProjectsPage()
    await screen.findByText('2 projects')
    await elsewhere(7, null)
    ageList(queryClient)
    await reconnected()
    expect(await screen.findByText('1 project')).toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'GET'])
  })

  it('never refresh while a write is in flight, so an older list can’t cover it', async () => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    // Held, then passed on to the emulator (a handler that returns nothing falls through).
    server.use(http.put(PROJECTS_URL, () => released, { once: true }))
    const requests = recordApiRequests()
    const { user, queryClient } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    ageList(queryClient)
    await tabShown()
    await reconnected()
    expect(within(projectList()).getByText('Yoga')).toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'PUT'])
    release()
    await waitFor(() => expect(storedNames().sort()).toEqual(['Cooking', 'Yoga']))
  })

  it('never disturb an edit: the row stays open with its text and focus', async () => {
    const { user, queryClient } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    const box = screen.getByRole('textbox', { name: 'New name for “Typing”' })
    await user.clear(box)
    await user.type(box, 'Half-typed')
    await elsewhere(7, 'Baking')
    ageList(queryClient)
    await tabShown()
    expect(await within(projectList()).findByText('Baking')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'New name for “Typing”' })).toHaveValue('Half-typed')
    expect(screen.getByRole('textbox', { name: 'New name for “Typing”' })).toHaveFocus()
  })

  it('a rename of a project someone deleted sends nothing, says so and offers to create it again', async () => {
    const requests = recordApiRequests()
    const { user, queryClient } = renderProjectsPage()
    await screen.findByText('2 projects')
    await elsewhere(200, null)
    ageList(queryClient)
    await user.click(screen.getByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    expect(await findAlert()).toHaveTextContent(
      '“Typing” was deleted by someone else, so it was not renamed to “Yoga”.',
    )
    expect(within(projectList()).queryByText('Typing')).not.toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'GET'])
    expect(storedNames()).toEqual(['Cooking'])

    await user.click(screen.getByRole('button', { name: 'Create “Yoga” again' }))
    expect(await screen.findByText('Created “Yoga” (id 200).')).toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'GET', 'POST'])
    expect(requests[2]?.body).toEqual({ 'project-id': 200, name: 'Yoga', 'is-default': false })
  })

  it('a rename of a project someone renamed shows the new name and asks first', async () => {
    const requests = recordApiRequests()
    const { user, queryClient } = renderProjectsPage()
    await screen.findByText('2 projects')
    await elsewhere(200, 'Touch typing')
    ageList(queryClient)
    await user.click(screen.getByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    expect(await findAlert()).toHaveTextContent(
      'Someone else renamed “Typing” to “Touch typing”. Rename it to “Yoga” anyway?',
    )
    expect(within(projectList()).getByText('Touch typing')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Rename to “Yoga”' })).toHaveFocus()
    expect(methods(requests)).toEqual(['GET', 'GET'])

    await user.keyboard('{Enter}')
    expect(await screen.findByText('Renamed to “Yoga”.')).toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'GET', 'PUT'])
    expect(storedNames().sort()).toEqual(['Cooking', 'Yoga'])
  })

  it('a delete of a project someone renamed asks first; one someone deleted just says so', async () => {
    const requests = recordApiRequests()
    const { user, queryClient } = renderProjectsPage()
    await screen.findByText('2 projects')
    await elsewhere(200, 'Touch typing')
    await elsewhere(7, null)
    ageList(queryClient)
    await user.click(screen.getByRole('button', { name: 'Delete “Typing”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await findAlert()).toHaveTextContent(
      'Someone else renamed “Typing” to “Touch typing”. Delete it anyway?',
    )
    await user.click(screen.getByRole('button', { name: 'Keep “Touch typing”' }))
    expect(within(projectList()).getByText('Touch typing')).toBeInTheDocument()
    expect(storedNames()).toEqual(['Touch typing'])
    expect(methods(requests)).toEqual(['GET', 'GET'])
  })

  it('with a fresh list, a rename is still one request', async () => {
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    expect(await screen.findByText('Renamed to “Yoga”.')).toBeInTheDocument()
    expect(methods(requests)).toEqual(['GET', 'PUT'])
  })
})
