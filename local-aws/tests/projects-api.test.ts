// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { createUser, projects, seedProjects, signIn } from './emulator.ts'
import { callProjects, corsHeaders } from './api-helpers.ts'

const PASSWORD = 'Correct-horse-1'
let token: string

beforeEach(async () => {
  await createUser({ email: 'ada@example.com', password: PASSWORD })
  token = (await signIn('ada@example.com', PASSWORD)).IdToken
})

/** A project as the client reads it: ids are numbers again, whatever their notation. */
const readable = (list: unknown) =>
  (list as Record<string, unknown>[])
    .map((item) => ({ ...item, 'project-id': Number(item['project-id']) }))
    .sort((a, b) => a['project-id'] - b['project-id'])

describe('/projects over a real IdToken', () => {
  it('lists an empty table as [] with the Lambda’s CORS headers', async () => {
    const response = await callProjects('GET', { token })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([])
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'Content-Type',
    })
  })

  it('POST answers the whole list, numbers as decimal strings, booleans intact', async () => {
    await seedProjects([{ 'project-id': 1, name: 'Reading', 'is-default': true }])
    const response = await callProjects('POST', {
      token,
      body: { 'project-id': 200, name: 'Typing', 'is-default': false, hours: 1.5 },
    })
    expect(response.status).toBe(200)
    const list = (await response.json()) as Record<string, unknown>[]
    expect(list).toHaveLength(2)
    const typing = list.find((item) => item.name === 'Typing')
    expect(typing).toMatchObject({ 'is-default': false, hours: '1.5' })
    expect(typeof typing?.['project-id']).toBe('string')
    expect(readable(list)).toEqual([
      { 'project-id': 1, name: 'Reading', 'is-default': true },
      { 'project-id': 200, name: 'Typing', 'is-default': false, hours: '1.5' },
    ])
  })

  it('sends some ids back in exponent notation, e.g. "0.2e3" for 200', async () => {
    await seedProjects(
      Array.from({ length: 12 }, (_, i) => ({ 'project-id': (i + 1) * 100, name: `P${i}` })),
    )
    const ids = projects().map((item) => item['project-id'] as string)
    expect(ids.some((id) => /e/.test(id))).toBe(true)
    expect(ids.every((id) => typeof id === 'string')).toBe(true)
    expect(ids.map(Number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i + 1) * 100),
    )
  })

  it('POST with an existing id silently replaces the whole project', async () => {
    await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false, colour: 'red' }])
    const response = await callProjects('POST', {
      token,
      body: { 'project-id': 200, name: 'Mine now' },
    })
    expect(response.status).toBe(200)
    expect(readable(await response.json())).toEqual([{ 'project-id': 200, name: 'Mine now' }])
  })

  it('PUT changes the name only', async () => {
    await seedProjects([
      { 'project-id': 200, name: 'Typing', 'is-default': true },
      { 'project-id': 7, name: 'Other', 'is-default': false },
    ])
    const response = await callProjects('PUT', {
      token,
      body: { 'project-id': 200, name: 'Yoga', 'is-default': false },
    })
    expect(response.status).toBe(200)
    expect(readable(await response.json())).toEqual([
      { 'project-id': 7, name: 'Other', 'is-default': false },
      { 'project-id': 200, name: 'Yoga', 'is-default': true },
    ])
  })

  it('PUT of an id that does not exist creates it with only id and name, as UpdateItem does', async () => {
    const response = await callProjects('PUT', { token, body: { 'project-id': 9, name: 'Ghost' } })
    expect(response.status).toBe(200)
    expect(readable(await response.json())).toEqual([{ 'project-id': 9, name: 'Ghost' }])
  })

  it('DELETE answers the list without the project, and 200 for an id that does not exist', async () => {
    await seedProjects([
      { 'project-id': 200, name: 'Typing', 'is-default': false },
      { 'project-id': 7, name: 'Other', 'is-default': false },
    ])
    const deleted = await callProjects('DELETE', { token, body: { 'project-id': 200 } })
    expect(deleted.status).toBe(200)
    expect(readable(await deleted.json())).toEqual([
      { 'project-id': 7, name: 'Other', 'is-default': false },
    ])

    const missing = await callProjects('DELETE', { token, body: { 'project-id': 404 } })
    expect(missing.status).toBe(200)
    expect(readable(await missing.json())).toEqual([
      { 'project-id': 7, name: 'Other', 'is-default': false },
    ])
  })

  it('shares one list between all users', async () => {
    await createUser({ email: 'bob@example.com', password: PASSWORD })
    const bob = (await signIn('bob@example.com', PASSWORD)).IdToken
    await callProjects('POST', {
      token,
      body: { 'project-id': 1, name: 'Ada’s', 'is-default': false },
    })
    const response = await callProjects('GET', { token: bob })
    expect(readable(await response.json())).toEqual([
      { 'project-id': 1, name: 'Ada’s', 'is-default': false },
    ])
  })

  it('orders items neither by id nor by name, and attributes differently from item to item', async () => {
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot']
    await seedProjects(names.map((name, i) => ({ 'project-id': i + 1, name, 'is-default': false })))
    const list = (await (await callProjects('GET', { token })).json()) as Record<string, unknown>[]
    const ids = list.map((item) => Number(item['project-id']))
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b))
    expect(list.map((item) => item.name)).not.toEqual(names)
    const keyOrders = new Set(list.map((item) => Object.keys(item).join()))
    expect(keyOrders.size).toBeGreaterThan(1)
  })
})

describe('a malformed body', () => {
  // One test for all cases: each would otherwise pay for a user and a key pair of its own.
  it('answers 502 Internal server error and changes nothing', async () => {
    await seedProjects([{ 'project-id': 200, name: 'Typing', 'is-default': false }])
    const cases: [string, unknown][] = [
      ['POST', 'not json'],
      ['POST', { 'project-id': '200', name: 'String id' }],
      ['POST', { name: 'No id' }],
      ['POST', [{ 'project-id': 1 }]],
      ['POST', undefined],
      ['PUT', { 'project-id': '200', name: 'Yoga' }],
      ['PUT', { 'project-id': 200 }],
      ['DELETE', { 'project-id': '200' }],
    ]
    for (const [method, body] of cases) {
      const response = await callProjects(method, { token, body })
      const label = `${method} ${JSON.stringify(body)}`
      expect(response.status, label).toBe(502)
      expect(await response.text(), label).toBe('{"message": "Internal server error"}')
      expect(corsHeaders(response), label).toEqual({})
    }
    expect(readable(projects())).toEqual([
      { 'project-id': 200, name: 'Typing', 'is-default': false },
    ])
  })
})
