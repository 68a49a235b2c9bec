/**
 * When the projects document's early module draws the kept list before the
 * app's code arrives, and when it leaves the page blank instead because React's
 * first drawing would be another page. (What it draws, against what React then
 * draws, is held in a browser: tests/e2e/kept-list-preview.spec.ts.)
 */
import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { signInTestUser } from '../../tests/setup/auth'
import { seedProjects } from '../../tests/setup/local-aws'
import { restoreSettings, withSettings } from '../../tests/setup/settings'

const PREVIEW = 'kept-list-preview'

/** A page load of a deployed build (local mode never draws it): a fresh module graph. */
async function deployedBuild() {
  const app = await withSettings({ VITE_LOCAL_AWS: 'false' })
  const [{ previewKeptList }, { keepListBetweenVisits }, { testQueryClient }, storage, reading] =
    await Promise.all([
      import('./kept-list-preview'),
      import('@/features/projects/api/persisted-list'),
      import('../../tests/setup/render-app'),
      import('@/features/projects/api/kept-storage'),
      import('@/features/projects/api/read-kept-list'),
    ])
  return { ...app, previewKeptList, keepListBetweenVisits, testQueryClient, storage, reading }
}

/** A first visit that leaves a kept list of "Typing", then the page of the next one. */
async function returningTo(path: string) {
  const build = await deployedBuild()
  const { email } = await signInTestUser()
  await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
  const queryClient = build.testQueryClient()
  const stop = await build.keepListBetweenVisits(queryClient)
  const first = build.renderApp({ route: '/projects', queryClient })
  await screen.findByText('Typing')
  await vi.waitFor(() => expect(build.reading.readKeptList(email)).toBeDefined())
  first.unmount()
  stop()
  window.history.replaceState(null, '', path)
  const root = document.createElement('div')
  root.id = 'root'
  document.body.append(root)
  return { ...build, email, root }
}

beforeEach(() => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
})

afterEach(async () => {
  document.getElementById(PREVIEW)?.remove()
  document.getElementById('root')?.remove()
  window.history.replaceState(null, '', '/')
  document.documentElement.lang = 'en'
  await restoreSettings()
})

describe("the kept list drawn before the app's code", () => {
  it('is drawn for a returning user on /projects, as text, and goes as soon as React draws', async () => {
    const { previewKeptList, root, email } = await returningTo('/projects')
    expect(previewKeptList()).toBe(true)
    const preview = document.getElementById(PREVIEW)!
    expect(preview.nextElementSibling).toBe(root)
    expect(preview).toHaveAttribute('inert')
    expect(preview).toHaveTextContent('Typing')
    expect(preview).toHaveTextContent(email)
    expect(preview).toHaveTextContent(/The list as of .*, from your last visit/)

    root.append(document.createElement('div'))
    await vi.waitFor(() => expect(document.getElementById(PREVIEW)).toBeNull())
  })

  it('is in the language the page will be in', async () => {
    localStorage.setItem('language', 'ja')
    const { previewKeptList } = await returningTo('/projects')
    expect(previewKeptList()).toBe(true)
    expect(document.getElementById(PREVIEW)).toHaveTextContent('前回表示した')
    expect(document.documentElement.lang).toBe('ja')
  })

  it('is not drawn where the first page is another one, or differs from the kept list', async () => {
    const { previewKeptList, storage, email } = await returningTo('/account')
    expect(previewKeptList()).toBe(false)

    window.history.replaceState(null, '', '/projects')
    // Offline, the page shows the list with what is waiting to be sent.
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    expect(previewKeptList()).toBe(false)
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
    localStorage.setItem(`${storage.queuedWritesPrefix(email)}1`, '{}')
    expect(previewKeptList()).toBe(false)
    localStorage.removeItem(`${storage.queuedWritesPrefix(email)}1`)

    expect(previewKeptList()).toBe(true)
    expect(document.getElementById(PREVIEW)).toHaveTextContent('Typing')
  })

  it('is not drawn once the session has ended', async () => {
    const { previewKeptList, signOutOf } = await returningTo('/projects')
    await signOutOf('this-browser')
    expect(previewKeptList()).toBe(false)
    expect(document.getElementById(PREVIEW)).toBeNull()
  })
})
