import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { getIdToken } from '@/lib/auth'
import { projects, server } from '../../../../tests/setup/local-aws'
import {
  fail502,
  findAlert,
  heldAnswer,
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

/** Every text a live region of the page gets, as it gets it: what a screen reader would read out. */
function recordAnnouncements() {
  const heard: string[] = []
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const region = (mutation.target as Element).closest?.('[role=status], [role=alert]')
      if (!region) continue
      for (const node of mutation.addedNodes) {
        const text = node.textContent?.trim()
        if (text) heard.push(text)
      }
    }
  })
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  return heard
}

const renameFailure =
  'Could not rename “Typing” to “Alpha”. The projects service had a problem. Try again in a moment; if it keeps failing, tell whoever runs the service.'

describe('every outcome told', () => {
  beforeEach(() => signInWithProjects())

  it('a later success of another action does not hide an earlier failure, which stays until dismissed; each is heard once', async () => {
    const rename = heldAnswer(fail502)
    server.use(http.put(PROJECTS_URL, rename.handler, { once: true }))
    const { user } = renderProjectsPage()
    const heard = recordAnnouncements()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Alpha{Enter}')
    rename.release()
    expect(await findAlert()).toHaveTextContent(renameFailure)
    await user.keyboard('{Escape}') // the name is back in the box: the user leaves it

    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(await screen.findByText(/^Created “Yoga”/)).toBeInTheDocument()
    // The failure and its reason are still there, beside the success.
    expect(await findAlert()).toHaveTextContent(renameFailure)
    expect(within(projectList()).getByText('Typing')).toBeInTheDocument()

    // Typing elsewhere re-renders the page: nothing is heard again.
    await user.type(screen.getByLabelText('Name'), 'abc')
    expect(heard.filter((text) => text.startsWith('Could not rename'))).toHaveLength(1)
    expect(heard.filter((text) => text.startsWith('Created “Yoga”'))).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText(/^Could not rename/)).not.toBeInTheDocument()
    expect(screen.getByText(/^Created “Yoga”/)).toBeInTheDocument()
  })

  it('two failures stand side by side, each with its project and reason; a success of the same action clears only its own', async () => {
    server.use(http.put(PROJECTS_URL, fail502, { once: true }))
    server.use(http.post(PROJECTS_URL, () => HttpResponse.error(), { once: true }))
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Alpha{Enter}')
    expect(await findAlert()).toHaveTextContent(renameFailure)
    await user.keyboard('{Escape}')
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.type(screen.getByLabelText('Id (optional)'), '7')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    const alert = await findAlert()
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        /Could not create “Yoga”\. The projects service could not be reached/,
      ),
    )
    expect(alert).toHaveTextContent(renameFailure)
    expect(within(alert).getAllByRole('button', { name: 'Dismiss' })).toHaveLength(2)

    // The rename, tried again, works: its failure goes, the create's stays.
    await user.click(screen.getByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Alpha{Enter}')
    expect(await screen.findByText('Renamed to “Alpha”.')).toBeInTheDocument()
    expect(alert).not.toHaveTextContent('Could not rename')
    expect(alert).toHaveTextContent(/Could not create “Yoga”/)
  })

  it('a delete made while the user’s own rename was in flight is not taken for someone else’s rename when that rename fails', async () => {
    const rename = heldAnswer(fail502)
    server.use(http.put(PROJECTS_URL, rename.handler, { once: true }))
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    await user.click(within(projectList()).getByRole('button', { name: 'Delete “Yoga”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))

    rename.release()
    expect(await findAlert()).toHaveTextContent(
      'Could not rename “Typing” to “Yoga”. The projects service had a problem.',
    )
    await waitFor(() => expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'DELETE']))
    await waitFor(() => expect(storedNames()).toEqual([]))
    expect(screen.queryByText(/Someone else renamed/)).not.toBeInTheDocument()
    // The rename's failure is still said, beside the delete.
    expect(await findAlert()).toHaveTextContent('Could not rename “Typing” to “Yoga”.')
    expect(screen.getByText('Deleted “Yoga”.')).toBeInTheDocument()
  })

  it('a rename that re-creates a project someone deleted within the freshness window is undone at once, and the user is told', async () => {
    await signInWithProjects([
      { 'project-id': 200, name: 'Typing', 'is-default': false },
      { 'project-id': 5, name: 'Main', 'is-default': true },
    ])
    const { user } = renderProjectsPage()
    await screen.findByRole('button', { name: 'Rename “Typing”' })
    // Someone else deletes it; this page's list is a second old, so no check runs.
    await fetch(PROJECTS_URL, {
      method: 'DELETE',
      headers: { Authorization: (await getIdToken()) ?? '' },
      body: JSON.stringify({ 'project-id': 200 }),
    })
    const requests = recordApiRequests()
    await user.click(screen.getByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')

    expect(await findAlert()).toHaveTextContent(
      '“Typing” was deleted by someone else, so it was not renamed to “Yoga”.',
    )
    expect(screen.getByRole('button', { name: 'Create “Yoga” again' })).toBeInTheDocument()
    expect(within(projectList()).queryByText('Yoga')).not.toBeInTheDocument()
    expect(within(projectList()).queryByText('Typing')).not.toBeInTheDocument()
    expect(screen.queryByText(/^Renamed/)).not.toBeInTheDocument()
    expect(requests.map((r) => r.method)).toEqual(['PUT', 'DELETE'])
    expect(storedNames()).toEqual(['Main'])

    // Offered to create it anew, as the user meant it, with its default mark.
    await user.click(screen.getByRole('button', { name: 'Create “Yoga” again' }))
    expect(await screen.findByText('Created “Yoga” (id 200).')).toBeInTheDocument()
    expect(projects().find((p) => p.name === 'Yoga')).toHaveProperty('is-default', false)
  })

  it('a rename of a project that never had a default mark is not taken for a re-creation', async () => {
    await signInWithProjects([{ 'project-id': 9, name: 'From curl' }])
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “From curl”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “From curl”' }))
    await user.keyboard('Tidy{Enter}')
    expect(await screen.findByText('Renamed to “Tidy”.')).toBeInTheDocument()
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(storedNames()).toContain('Tidy')
  })
})
