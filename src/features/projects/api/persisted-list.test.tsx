/**
 * The list kept between visits, through the whole app as a page load starts it
 * (src/app/data-layer.ts, started by main.tsx): the real session, the emulator's API, and localStorage.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { signInTestUser } from '../../../../tests/setup/auth'
import { seedProjects, server } from '../../../../tests/setup/local-aws'
import { renderApp, testQueryClient } from '../../../../tests/setup/render-app'
import { PROJECTS_URL } from '../../../../tests/setup/render-projects'
import { readKeptList } from './read-kept-list'
import { keepListBetweenVisits } from './persisted-list'

const keptEntries = () =>
  Object.keys(localStorage).filter((key) => key.startsWith('projects-console.list.'))

/** The names in each kept list. */
const keptLists = () =>
  keptEntries().map((key) => {
    const { clientState } = JSON.parse(localStorage.getItem(key)!) as {
      clientState: { queries: { state: { data: { items: { name: string }[] } } }[] }
    }
    return clientState.queries.flatMap((query) => query.state.data.items.map((item) => item.name))
  })

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** A page load: the kept list restored into a fresh client, then the app at `route`. */
async function visit(route = '/projects') {
  const queryClient = testQueryClient()
  stops.push(await keepListBetweenVisits(queryClient))
  return renderApp({ route, queryClient })
}

/** Holds the list's GETs until `release()`; each then reaches the emulator. */
function holdListRequests() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let asked = 0
  server.use(
    http.get(PROJECTS_URL, async () => {
      asked += 1
      await released
      // Nothing returned: the emulator's own handler answers.
    }),
  )
  return { release, asked: () => asked }
}

/** The first visit: the list is answered, and kept. */
async function firstVisit() {
  await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
  const first = await visit()
  expect(await screen.findByText('Typing')).toBeVisible()
  // Kept once answered (the persister writes at most every 250 ms).
  await waitFor(() => expect(keptLists()).toEqual([['Typing']]))
  first.unmount()
}

/** A visit that has no kept list to show: it waits for the GET, then shows its answer. */
async function expectVisitWithNothingKept() {
  const list = holdListRequests()
  await visit()
  expect(await screen.findByText('Loading projects…')).toBeVisible()
  expect(screen.queryByText('Typing')).toBeNull()
  list.release()
  expect(await screen.findByText('Typing')).toBeVisible()
}

/** Rewrites the kept entry, as time or another build would have left it. */
function editKeptEntry(change: (entry: { timestamp: number; buster: string }) => void) {
  const [key] = keptEntries()
  const entry = JSON.parse(localStorage.getItem(key!)!) as { timestamp: number; buster: string }
  change(entry)
  localStorage.setItem(key!, JSON.stringify(entry))
}

describe('the list kept between visits', () => {
  it('shows a returning user the last list at once, marked with its time, until the one GET answers', async () => {
    const { email } = await signInTestUser()
    await firstVisit()
    // What the page's early module reads to draw it before the app's code (kept-list-preview.ts).
    const kept = readKeptList(email)
    expect(kept?.list.items.map((project) => project.name)).toEqual(['Typing'])
    expect(readKeptList('someone-else@example.com')).toBeUndefined()
    // Meanwhile someone renamed it.
    await seedProjects([{ 'project-id': 200, name: 'Yoga', 'is-default': false }])

    const list = holdListRequests()
    await visit()
    expect(await screen.findByText('Typing')).toBeVisible()
    const marker = screen.getByText(/^The list as of .*\d:\d\d.*, from your last visit/)
    expect(marker).toHaveRole('status')
    expect(marker).toHaveTextContent(
      new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(kept!.answeredAt),
    )

    list.release()
    expect(await screen.findByText('Yoga')).toBeVisible()
    expect(screen.queryByText('Typing')).toBeNull()
    expect(screen.queryByText(/The list as of/)).toBeNull()
    expect(list.asked()).toBe(1)
  })

  it('says the time in Japanese for a Japanese user', async () => {
    localStorage.setItem('language', 'ja')
    await signInTestUser()
    await firstVisit()
    const list = holdListRequests()
    await visit()
    expect(await screen.findByText(/^前回表示した .*\d:\d\d 時点の一覧です/)).toBeVisible()
    list.release()
    await waitFor(() => expect(screen.queryByText(/時点の一覧です/)).toBeNull())
  })

  for (const [why, change] of [
    ['more than a day old', (entry) => (entry.timestamp -= 24 * 3600_000 + 1)],
    ['written by another build', (entry) => (entry.buster = 'an-older-build')],
  ] as const satisfies [string, Parameters<typeof editKeptEntry>[0]][]) {
    it(`drops a kept list ${why} instead of showing it`, async () => {
      const { email } = await signInTestUser()
      await firstVisit()
      editKeptEntry(change)
      // Nor does the page's early module draw it.
      expect(readKeptList(email)).toBeUndefined()
      await expectVisitWithNothingKept()
      expect(screen.queryByText(/The list as of/)).toBeNull()
    })
  }

  it('is removed when the session ends, and the next user in this browser starts without it', async () => {
    await signInTestUser()
    await firstVisit()
    const { user } = await visit()
    await screen.findByText('Typing')
    await user.click(
      within(screen.getByRole('navigation', { name: 'Your account' })).getByRole('button', {
        name: 'Sign out',
      }),
    )
    await screen.findByRole('heading', { name: 'Sign in' })
    expect(keptEntries()).toEqual([])

    await signInTestUser()
    await expectVisitWithNothingKept()
  })
})
