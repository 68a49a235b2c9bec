/**
 * The page's QueryClient as a page load with a stored session starts it
 * (main.tsx): the real session, the emulator's API, and localStorage.
 */
import { waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { signInTestUser } from '../../tests/setup/auth'
import { seedProjects } from '../../tests/setup/local-aws'
import { testQueryClient } from '../../tests/setup/render-app'
import { prefetchProjects } from '@/features/projects/api/get-projects'
import { keepListBetweenVisits } from '@/features/projects/api/persisted-list'
import { projectKeys } from '@/features/projects/api/project-keys'
import { endSession } from '@/lib/auth'
import { startQueryClient } from './data-layer'

// The session ends while the client is still starting: after the kept list
// is restored, while the queued writes are (another tab signed out).
vi.mock('@/features/projects/api/offline-queue', () => ({
  keepWritesAcrossReloads: async () => {
    endSession('signed-out')
    return () => {}
  },
}))

describe('the page’s QueryClient', () => {
  it('holds none of a user’s list when their session ended while it started', async () => {
    await signInTestUser()
    await seedProjects([{ 'project-id': 300, name: 'Kept', 'is-default': false }])
    // The visit before: the list answered, and kept.
    const before = testQueryClient()
    const stopKeeping = await keepListBetweenVisits(before)
    await prefetchProjects(before)
    // Kept once answered (the persister writes at most every 250 ms).
    await waitFor(() =>
      expect(
        Object.entries(localStorage).some(
          ([key, value]) => key.startsWith('projects-console.list.') && value.includes('Kept'),
        ),
      ).toBe(true),
    )
    stopKeeping()

    const client = await startQueryClient()
    expect(client.getQueryData(projectKeys.list())).toBeUndefined()
    expect(
      Object.keys(localStorage).filter((key) => key.startsWith('projects-console.list.')),
    ).toEqual([])
  })
})
