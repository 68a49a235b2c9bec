import { screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { seedProjects } from '../../../../tests/setup/local-aws'
import { renderProjectsPage, signInForApi } from '../../../../tests/setup/render-projects'

vi.mock('@/lib/auth', () => ({
  getIdToken: vi.fn(),
  reportSessionExpired: vi.fn(),
  sessionEndings: () => 0,
}))

/** Where errors, announcements and focus go: what a keyboard or screen reader user relies on. */
describe('feedback on the projects page', () => {
  beforeEach(async () => {
    await signInForApi()
    await seedProjects([
      { 'project-id': 200, name: 'Typing', 'is-default': false },
      { 'project-id': 7, name: 'Cooking', 'is-default': false },
    ])
  })

  it('rewords the create form’s errors when the language changes', async () => {
    const { user } = renderProjectsPage()
    await screen.findByText('2 projects')
    await user.type(screen.getByLabelText('Id (optional)'), '200')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(screen.getByText('Type a name for the project.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Name'), 'Yoga')
    await user.click(screen.getByRole('button', { name: 'Create project' }))
    expect(screen.getByText(/Id 200 is already used by “Typing”/)).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語')
    expect(screen.getByText(/ID 200 は「Typing」で使われています/)).toBeInTheDocument()
    expect(screen.queryByText(/already used/)).not.toBeInTheDocument()
  })

  it('forgets the rename box’s "type a name" error on typing and when the box is closed', async () => {
    const { user } = renderProjectsPage()
    await user.click(await screen.findByRole('button', { name: 'Rename “Typing”' }))
    const box = () => screen.getByRole('textbox', { name: 'New name for “Typing”' })
    await user.clear(box())
    await user.keyboard('{Enter}')
    expect(box()).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/Type a name, or press Escape/)).toBeInTheDocument()
    await user.keyboard('Y')
    expect(box()).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText(/Type a name, or press Escape/)).not.toBeInTheDocument()

    await user.clear(box())
    await user.keyboard('{Enter}')
    expect(box()).toHaveAttribute('aria-invalid', 'true')
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Rename “Typing”' }))
    expect(box()).toHaveValue('Typing')
    expect(box()).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText(/Type a name, or press Escape/)).not.toBeInTheDocument()
  })

  it('has its live regions in the page, empty and not hidden, before they have anything to say', async () => {
    const { user } = renderProjectsPage()
    await screen.findByText('2 projects')
    const status = screen.getByRole('status')
    expect(status).toBeEmptyDOMElement()
    expect(status).toBeVisible() // in the accessibility tree, not display:none
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()

    await user.click(screen.getByRole('button', { name: 'Delete “Cooking”' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    // The very region that was waiting now speaks: a screen reader announces the change.
    expect(status).toHaveTextContent('Deleted “Cooking”.')
  })

  it('puts focus on the filter when a rename makes the row disappear from the filtered list', async () => {
    const { user } = renderProjectsPage()
    const filter = await screen.findByRole('searchbox', { name: 'Filter projects' })
    await user.type(filter, 'typ')
    expect(await screen.findByText('1 of 2 projects')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Rename “Typing”' }))
    await user.clear(screen.getByRole('textbox', { name: 'New name for “Typing”' }))
    await user.keyboard('Yoga{Enter}')
    expect(await screen.findByText('Renamed to “Yoga”.')).toBeInTheDocument()
    expect(screen.getByText('No project matches “typ”.')).toBeInTheDocument()
    expect(filter).toHaveFocus()
  })
})
