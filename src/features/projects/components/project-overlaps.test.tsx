import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { seedProjects, server } from '../../../../tests/setup/local-aws'
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

describe('writes that overlap', () => {
  beforeEach(() => signInWithProjects())

  it('when a rename fails, a second rename of the same project made meanwhile is not sent: the old name shows, the second name is back in the box', async () => {
    const first = heldAnswer(fail502)
    server.use(http.put(PROJECTS_URL, first.handler, { once: true }))
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Alpha{Enter}')
    expect(within(projectList()).getByText('Alpha')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Rename “Alpha”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Alpha”' }))
    await user.keyboard('Beta{Enter}')
    expect(within(projectList()).getByText('Beta')).toBeInTheDocument()

    first.release()
    expect(await findAlert()).toHaveTextContent(
      'Could not rename “Typing” to “Alpha”. The projects service had a problem. Try again in a moment; if it keeps failing, tell whoever runs the service. ' +
        'Renaming “Alpha” to “Beta” was not sent, because it depended on this. ' +
        'The name you typed, “Beta”, is back in the box.',
    )
    expect(screen.getByRole('textbox', { name: 'New name for “Typing”' })).toHaveValue('Beta')
    await user.keyboard('{Escape}')
    expect(within(projectList()).getByText('Typing')).toBeInTheDocument()
    expect(within(projectList()).queryByText('Alpha')).not.toBeInTheDocument()
    expect(within(projectList()).queryByText('Beta')).not.toBeInTheDocument()
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(storedNames()).toEqual(['Typing'])
    expect(screen.queryByText(/^Renamed/)).not.toBeInTheDocument()
  })

  it('when a create fails, a rename of the new project made meanwhile is not sent, so nothing is re-created, and what was typed is back in the form', async () => {
    const create = heldAnswer(fail502)
    server.use(http.post(PROJECTS_URL, create.handler, { once: true }))
    const requests = recordApiRequests()
    const { user } = renderProjectsPage()
    await screen.findByText('1 project')
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.type(screen.getByLabelText('Id (optional)'), '7')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    await user.click(within(projectList()).getByRole('button', { name: 'Rename “Yoga”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Yoga”' }))
    await user.keyboard('Zen{Enter}')
    expect(within(projectList()).getByText('Zen')).toBeInTheDocument()

    create.release()
    expect(await findAlert()).toHaveTextContent(
      /^Could not create “Yoga”\. The projects service had a problem\. .* Renaming “Yoga” to “Zen” was not sent, because it depended on this\. What you typed is back in the form\.Dismiss$/,
    )
    expect(within(projectList()).queryByText('Zen')).not.toBeInTheDocument()
    expect(screen.getByText('1 project')).toBeInTheDocument()
    expect(screen.getByLabelText('Name')).toHaveValue('Yoga')
    expect(screen.getByLabelText('Id (optional)')).toHaveValue('7')
    // The PUT would have re-created id 7 without its default flag: it never left.
    await waitFor(() => expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']))
    expect(storedNames()).toEqual(['Typing'])
    expect(screen.queryByText(/^Renamed/)).not.toBeInTheDocument()
  })

  it('when a create fails after something new was typed in the form, the new text stays and the message does not say the old one is back', async () => {
    const create = heldAnswer(fail502)
    server.use(http.post(PROJECTS_URL, create.handler, { once: true }))
    const { user } = renderProjectsPage()
    await screen.findByText('1 project')
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    await user.type(screen.getByLabelText('Name'), 'Cooking')

    create.release()
    const alert = await findAlert()
    expect(alert).toHaveTextContent(/^Could not create “Yoga”\. The projects service had a problem/)
    expect(alert).not.toHaveTextContent('back in the form')
    expect(screen.getByLabelText('Name')).toHaveValue('Cooking')
  })

  it('when a rename fails while another project is being renamed, that edit keeps its text and focus, and the message does not say the name is back in the box', async () => {
    await seedProjects([{ 'project-id': 5, name: 'Main', 'is-default': true }])
    const rename = heldAnswer(() => HttpResponse.error())
    server.use(http.put(PROJECTS_URL, rename.handler, { once: true }))
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    await user.click(screen.getByRole('button', { name: 'Rename “Main”' }))
    await user.type(screen.getByRole('textbox', { name: 'New name for “Main”' }), ' project')

    rename.release()
    const alert = await findAlert()
    expect(alert).toHaveTextContent(
      'Could not rename “Typing” to “Yoga”. The projects service could not be reached. Check your connection and try again.',
    )
    expect(alert).not.toHaveTextContent('back in the box')
    expect(screen.getByRole('textbox', { name: 'New name for “Main”' })).toHaveValue('Main project')
    expect(screen.getByRole('textbox', { name: 'New name for “Main”' })).toHaveFocus()
    expect(within(projectList()).getByText('Typing')).toBeInTheDocument()
  })

  it('when a delete fails after someone else removed the project, the message does not say it is back in the list', async () => {
    const remove = heldAnswer(fail502)
    server.use(http.delete(PROJECTS_URL, remove.handler, { once: true }))
    const { user, queryClient } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Delete “Typing”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    // The list the page last had no longer holds it (another person deleted it).
    queryClient.setQueryData(['projects', 'list'], { items: [], unreadable: 0, listed: 0 })
    remove.release()
    const alert = await findAlert()
    expect(alert).toHaveTextContent(
      /^Could not delete “Typing”\. The projects service had a problem/,
    )
    expect(alert).not.toHaveTextContent('back in the list')
  })

  it('words the messages in Japanese too', async () => {
    localStorage.setItem('language', 'ja')
    const first = heldAnswer(fail502)
    server.use(http.put(PROJECTS_URL, first.handler, { once: true }))
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: '「Typing」の名前を変更' }))
    await user.clear(screen.getByRole('textbox', { name: '「Typing」の新しい名前' }))
    await user.keyboard('Alpha{Enter}')
    await user.click(screen.getByRole('button', { name: '「Alpha」の名前を変更' }))
    await user.clear(screen.getByRole('textbox', { name: '「Alpha」の新しい名前' }))
    await user.keyboard('Beta{Enter}')
    first.release()
    expect(await findAlert()).toHaveTextContent(
      /^「Typing」の名前を「Alpha」に変更できませんでした。.*続けて行った「Alpha」から「Beta」への名前の変更は、この操作が前提だったため送信していません。 入力した名前「Beta」は入力欄に戻してあります。閉じる$/,
    )
  })
})
