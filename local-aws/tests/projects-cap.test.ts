// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { createUser, localAws, seedProjects, signIn } from './emulator.ts'
import { callProjects } from './api-helpers.ts'

const PASSWORD = 'Correct-horse-1'
let token: string

beforeEach(async () => {
  await createUser({ email: 'ada@example.com', password: PASSWORD })
  token = (await signIn('ada@example.com', PASSWORD)).IdToken
})

const ids = async (response: Response) =>
  ((await response.json()) as Record<string, unknown>[]).map((item) => Number(item['project-id']))
const stored = () => Object.keys(localAws().snapshot().projects).length

describe('the 50-project cap of the Lambda’s one Scan', () => {
  it('lists at most 50, always the same 50, not the first 50 created', async () => {
    await seedProjects(
      Array.from({ length: 60 }, (_, i) => ({ 'project-id': i + 1, name: `P${i + 1}` })),
    )
    const first = await ids(await callProjects('GET', { token }))
    expect(first).toHaveLength(50)
    expect(stored()).toBe(60)
    expect(await ids(await callProjects('GET', { token }))).toEqual(first)
    expect([...first].sort((a, b) => a - b)).not.toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    )
  })

  it('answers every write with at most 50, which may leave out the project just written', async () => {
    await seedProjects(
      Array.from({ length: 55 }, (_, i) => ({ 'project-id': i + 1, name: `P${i + 1}` })),
    )
    const listed = new Set(await ids(await callProjects('GET', { token })))
    let left: number | undefined
    for (let id = 1000; left === undefined; id++) {
      const answer = await ids(
        await callProjects('POST', {
          token,
          body: { 'project-id': id, name: 'New', 'is-default': false },
        }),
      )
      expect(answer).toHaveLength(50)
      if (!answer.includes(id)) left = id
    }
    // Written all the same.
    expect(localAws().snapshot().projects[String(left)]).toMatchObject({ name: 'New' })

    const renamed = await ids(
      await callProjects('PUT', { token, body: { 'project-id': left, name: 'Still here' } }),
    )
    expect(renamed).toHaveLength(50)
    expect(renamed).not.toContain(left)

    // Deleting a listed project lets one that was left out into the list.
    const gone = [...listed][0]!
    const after = await ids(await callProjects('DELETE', { token, body: { 'project-id': gone } }))
    expect(after).toHaveLength(50)
    expect(after).not.toContain(gone)
    expect(after.some((id) => !listed.has(id))).toBe(true)
  })
})
