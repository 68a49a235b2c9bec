/**
 * Writes made with no network, through the whole app as a page load starts it
 * (main.tsx): the real session, the emulator's API, localStorage, and
 * TanStack Query's onlineManager standing for the browser's network state.
 */
import { onlineManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signInTestUser } from '../../../../tests/setup/auth'
import { localAws, projects, seedProjects, server } from '../../../../tests/setup/local-aws'
import { renderApp, testQueryClient } from '../../../../tests/setup/render-app'
import {
  heldAnswer,
  PROJECTS_URL,
  projectList,
  recordApiRequests,
} from '../../../../tests/setup/render-projects'
import { keepWritesAcrossReloads } from './offline-queue'
import { keepListBetweenVisits } from './persisted-list'

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) {
    try {
      stop()
    } catch {
      // Already left.
    }
  }
  onlineManager.setOnline(true)
})

/**
 * A page load: what was kept restored into a fresh client, as src/app/data-layer.ts does,
 * then the app; `leave()` is the page going away.
 */
async function visit(route = '/projects') {
  const queryClient = testQueryClient()
  const stopList = await keepListBetweenVisits(queryClient)
  const stopWrites = await keepWritesAcrossReloads(queryClient)
  const page = renderApp({ route, queryClient })
  const leave = () => {
    page.unmount()
    stopList()
    stopWrites()
  }
  stops.push(leave)
  return { ...page, leave }
}

const goOffline = () => act(() => onlineManager.setOnline(false))
const goOnline = () => act(() => onlineManager.setOnline(true))
/** With no network, the API can't be reached either. */
const cutApi = () => server.use(http.all(`${PROJECTS_URL}*`, () => HttpResponse.error()))

const queue = () => screen.getByRole('region', { name: 'Waiting for the network' })
const queued = () =>
  within(queue())
    .getAllByRole('listitem')
    .map((item) => item.textContent)

const stored = () =>
  projects()
    .map((p) => `${Number(p['project-id'])} ${p.name}`)
    .sort()

beforeEach(async () => {
  await signInTestUser()
  await seedProjects([
    { 'project-id': 200, name: 'Typing', 'is-default': false },
    { 'project-id': 300, name: 'Shared doc', 'is-default': false },
  ])
})

type User = Awaited<ReturnType<typeof visit>>['user']

async function rename(user: User, from: string, to: string) {
  await user.click(within(projectList()).getByRole('button', { name: `Rename “${from}”` }))
  await user.clear(screen.getByRole('textbox', { name: `New name for “${from}”` }))
  await user.keyboard(`${to}{Enter}`)
}

async function create(user: User, name: string, id?: number) {
  await user.type(screen.getByLabelText('Name'), name)
  if (id !== undefined) await user.type(screen.getByLabelText('Id (optional)'), String(id))
  await user.click(screen.getByRole('button', { name: 'Create project' }))
}

describe('writes made with no network', () => {
  it('wait, in order, through a reload, and are sent when the network is back: one request each, checked first', async () => {
    const first = await visit()
    const { user } = first
    await screen.findByText('2 projects')
    goOffline()
    expect(screen.getByText(/^You are offline\./)).toHaveRole('status')
    const requests = recordApiRequests()

    await create(user, 'Yoga', 7)
    await rename(user, 'Typing', 'Typing club')
    await user.click(within(projectList()).getByRole('button', { name: 'Delete “Shared doc”' }))
    await user.click(within(projectList()).getByRole('button', { name: 'Delete' }))

    expect(queued()).toEqual([
      'Create “Yoga” Cancel',
      'Rename “Typing” to “Typing club” Cancel',
      'Delete “Shared doc” Cancel',
    ])
    // Shown as they will be.
    expect(within(projectList()).getByText('Yoga')).toBeVisible()
    expect(within(projectList()).getByText('Typing club')).toBeVisible()
    expect(within(projectList()).queryByText('Shared doc')).toBeNull()
    expect(requests).toEqual([])

    // The page is reloaded, still with no network.
    first.leave()
    cutApi()
    await visit()
    expect(await screen.findByText('Typing club')).toBeVisible()
    expect(queued()).toEqual([
      'Create “Yoga” Cancel',
      'Rename “Typing” to “Typing club” Cancel',
      'Delete “Shared doc” Cancel',
    ])
    expect(stored()).toEqual(['200 Typing', '300 Shared doc'])

    server.resetHandlers()
    const sent = recordApiRequests()
    goOnline()
    await waitFor(() => expect(stored()).toEqual(['200 Typing club', '7 Yoga']))
    // One GET to check the queued writes against, then one request each, in order.
    expect(sent.map((r) => r.method)).toEqual(['GET', 'POST', 'PUT', 'DELETE'])
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Waiting for the network' })).toBeNull(),
    )
    expect(screen.queryByText(/^You are offline\./)).toBeNull()
    expect(within(projectList()).getByText('Yoga')).toBeVisible()
    expect(within(projectList()).queryByText('Shared doc')).toBeNull()
  })

  it('can be cancelled, with what builds on them, and then nothing of them is sent', async () => {
    const { user } = await visit()
    await screen.findByText('2 projects')
    goOffline()
    const requests = recordApiRequests()
    await create(user, 'Yoga', 7)
    await rename(user, 'Yoga', 'Zen')
    await rename(user, 'Typing', 'Typing club')
    expect(queued()).toHaveLength(3)

    await user.click(within(queue()).getAllByRole('button', { name: 'Cancel' })[0]!)
    expect(await screen.findByText('Creating “Yoga” was cancelled.')).toBeVisible()
    // The rename of the project never created goes with it; the other rename stays.
    expect(queued()).toEqual(['Rename “Typing” to “Typing club” Cancel'])
    expect(within(projectList()).queryByText('Zen')).toBeNull()

    goOnline()
    await waitFor(() => expect(stored()).toEqual(['200 Typing club', '300 Shared doc']))
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
  })

  it('a queued rename of a project someone deleted meanwhile asks, and is never sent', async () => {
    const { user } = await visit()
    await screen.findByText('2 projects')
    goOffline()
    await rename(user, 'Shared doc', 'Plans')
    expect(queued()).toEqual(['Rename “Shared doc” to “Plans” Cancel'])
    // Someone else deletes it while this user has no network.
    await localAws().update((state) => void delete state.projects['300'])
    const requests = recordApiRequests()
    goOnline()
    const told = await screen.findByText(
      '“Shared doc” was deleted by someone else, so it was not renamed to “Plans”.',
    )
    expect(told.closest('[role="alert"]')).not.toBeNull()
    expect(screen.getByRole('button', { name: 'Create “Plans” again' })).toBeVisible()
    expect(requests.map((r) => r.method)).toEqual(['GET'])
    expect(stored()).toEqual(['200 Typing'])
    expect(within(projectList()).queryByText('Plans')).toBeNull()
  })

  it('a queued create whose id someone took meanwhile gets a new one, and says so', async () => {
    const { user } = await visit()
    await screen.findByText('2 projects')
    goOffline()
    await create(user, 'Yoga', 7)
    await seedProjects([
      { 'project-id': 200, name: 'Typing', 'is-default': false },
      { 'project-id': 300, name: 'Shared doc', 'is-default': false },
      { 'project-id': 7, name: 'Their project', 'is-default': true },
    ])
    goOnline()
    const status = await screen.findByText(
      /^Created “Yoga” \(id \d+\): while it waited for the network, someone else took id 7\.$/,
    )
    const id = Number(/id (\d+)\)/.exec(status.textContent!)![1])
    expect(id).not.toBe(7)
    expect(stored()).toContain('7 Their project')
    expect(stored()).toContain(`${id} Yoga`)
    expect(within(projectList()).getByText('Their project')).toBeVisible()
  })

  it('a write in flight when the page went away is not sent again once the list shows it landed', async () => {
    const first = await visit()
    const { user } = first
    await screen.findByText('2 projects')
    // The PUT reaches the API, but the page is gone before its answer.
    const put = heldAnswer(() => HttpResponse.json({ message: 'never read' }))
    server.use(http.put(PROJECTS_URL, put.handler, { once: true }))
    await rename(user, 'Typing', 'Typing club')
    first.leave()
    await seedProjects([{ 'project-id': 200, name: 'Typing club', 'is-default': false }])
    put.release()

    const requests = recordApiRequests()
    await visit()
    expect(await screen.findByText('Renamed to “Typing club”.')).toBeVisible()
    expect(requests.map((r) => r.method)).toEqual(['GET'])
  })

  it('a write in flight when the page went away that never reached the API is sent again', async () => {
    const first = await visit()
    const { user } = first
    await screen.findByText('2 projects')
    // The connection drops before the PUT reaches the API.
    const put = heldAnswer(() => HttpResponse.error())
    server.use(http.put(PROJECTS_URL, put.handler, { once: true }))
    await rename(user, 'Typing', 'Typing club')
    first.leave()
    put.release()

    const requests = recordApiRequests()
    await visit()
    expect(await screen.findByText('Renamed to “Typing club”.')).toBeVisible()
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(stored()).toEqual(['200 Typing club', '300 Shared doc'])
  })

  it('are removed with the session that made them: the next user in this browser sends nothing of them', async () => {
    const first = await visit()
    const { user } = first
    await screen.findByText('2 projects')
    goOffline()
    await rename(user, 'Typing', 'Typing club')
    const entries = () =>
      Object.keys(localStorage).filter((k) => k.startsWith('projects-console.queue.'))
    expect(entries()).toHaveLength(1)
    await user.click(
      within(screen.getByRole('navigation', { name: 'Your account' })).getByRole('button', {
        name: 'Sign out',
      }),
    )
    await screen.findByRole('heading', { name: 'Sign in' })
    expect(entries()).toEqual([])
    first.leave()
    goOnline()

    await signInTestUser()
    const requests = recordApiRequests()
    await visit()
    await screen.findByText('2 projects')
    expect(screen.queryByRole('region', { name: 'Waiting for the network' })).toBeNull()
    expect(requests.map((r) => r.method)).toEqual(['GET'])
    expect(stored()).toEqual(['200 Typing', '300 Shared doc'])
  })
})
