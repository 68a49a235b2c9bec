import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  blockingWrite,
  buildsOn,
  dependentsOf,
  droppedWrites,
  foldWrites,
  type ProjectWrite,
  type WriteRecord,
} from './fold-writes'
import { API_LIST_LIMIT, type Project, type ProjectList } from './parse-projects'

/**
 * Generated sessions: a user makes writes while earlier ones are still in
 * flight, the API answers them one at a time in order (success or failure),
 * other people change the table, and the page refreshes when nothing is in
 * flight, as the app does. After every step the fold is checked against what
 * the user should see.
 */

type Command =
  | { kind: 'create' }
  | { kind: 'rename'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'undo'; pick: number }
  | { kind: 'settle'; ok: boolean }
  | { kind: 'other-create' }
  | { kind: 'other-rename'; pick: number }
  | { kind: 'other-delete'; pick: number }
  | { kind: 'refresh' }
  | { kind: 'offline' }
  | { kind: 'online' }
  | { kind: 'cancel'; pick: number }
  | { kind: 'reload' }

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'create' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('settle' as const), ok: fc.boolean() }), weight: 5 },
  { arbitrary: fc.constant({ kind: 'other-create' as const }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('other-rename' as const), pick: fc.nat() }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('other-delete' as const), pick: fc.nat() }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'refresh' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'offline' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'online' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'reload' as const }), weight: 1 },
)

/** A stand-in for the table's hash order: neither by id nor by insertion. */
const hashOrder = (id: number) => Math.imul(id, 2654435761) >>> 0

class Session {
  table = new Map<number, Project>()
  answered: ProjectList
  records: WriteRecord[] = []
  /** Every write the API received, in order. */
  sent: ProjectWrite[] = []
  deletedHere: Project[] = []
  /** Keys of the writes the user cancelled while they waited for the network. */
  cancelled = new Map<string, ProjectWrite>()
  offline = false
  private next = 1000
  private keys = 0

  constructor(
    initial: number,
    readonly cap: number,
  ) {
    for (let id = 1; id <= initial; id++)
      this.table.set(id, { id, name: `start-${id}`, isDefault: id === 1 })
    this.answered = this.answer()
  }

  /** What the API answers: the table, in hash order, at most `cap` entries. */
  answer(): ProjectList {
    const all = [...this.table.values()].sort((a, b) => hashOrder(a.id) - hashOrder(b.id))
    const items = all.slice(0, this.cap)
    return { items, unreadable: 0, listed: items.length }
  }

  view() {
    return foldWrites(this.answered, this.records).items
  }

  private uniqueName() {
    this.next += 1
    return `name-${this.next}`
  }

  private make(request: Pick<ProjectWrite, 'type' | 'project'> & { name?: string }) {
    const after = this.records
      .filter((r) => r.status === 'pending' && buildsOn(request, r.write))
      .map((r) => r.write.key)
    this.keys += 1
    const write = { ...request, key: `k${this.keys}`, after } as ProjectWrite
    this.records.push({ write, status: 'pending', waiting: this.offline })
  }

  run(command: Command) {
    const shown = this.view()
    const pick = (n: number) => shown[n % Math.max(shown.length, 1)]
    switch (command.kind) {
      case 'create': {
        this.next += 1
        this.make({
          type: 'create',
          project: { id: this.next, name: this.uniqueName(), isDefault: false },
        })
        return
      }
      case 'rename': {
        const project = pick(command.pick)
        if (project) this.make({ type: 'rename', project, name: this.uniqueName() })
        return
      }
      case 'delete': {
        const project = pick(command.pick)
        if (!project) return
        this.make({ type: 'delete', project })
        this.deletedHere.push(project)
        return
      }
      case 'undo': {
        const project = this.deletedHere[command.pick % Math.max(this.deletedHere.length, 1)]
        if (project) this.make({ type: 'create', project: { ...project, name: this.uniqueName() } })
        return
      }
      case 'settle':
        return this.settle(command.ok)
      case 'other-create': {
        this.next += 1
        this.table.set(this.next, { id: this.next, name: this.uniqueName(), isDefault: false })
        return
      }
      case 'other-rename': {
        const all = [...this.table.values()]
        const project = all[command.pick % Math.max(all.length, 1)]
        if (project) this.table.set(project.id, { ...project, name: this.uniqueName() })
        return
      }
      case 'other-delete': {
        const all = [...this.table.keys()]
        const id = all[command.pick % Math.max(all.length, 1)]
        if (id !== undefined) this.table.delete(id)
        return
      }
      case 'refresh':
        // The page never refreshes while a write is in flight or waiting, nor offline.
        if (!this.offline && !this.records.some((r) => r.status === 'pending'))
          this.answered = this.answer()
        return
      case 'offline':
        this.offline = true
        return
      case 'online':
        this.offline = false
        for (const record of this.records) record.waiting = false
        return
      case 'cancel': {
        // As the page's Cancel: the write and the waiting ones that build on it leave the cache.
        const waiting = this.records.filter((r) => r.waiting)
        const record = waiting[command.pick % Math.max(waiting.length, 1)]
        if (!record) return
        const writes = [record.write, ...dependentsOf(record.write, this.records)]
        for (const write of writes) this.cancelled.set(write.key, write)
        const gone = new Set(writes.map((w) => w.key))
        this.records = this.records.filter((r) => !gone.has(r.write.key))
        return
      }
      case 'reload':
        // Only the writes not yet answered come back (offline-queue.ts), with the kept list.
        this.records = this.records
          .filter((r) => r.status === 'pending')
          .map((r) => ({ ...r, write: { ...r.write, restored: true } }))
        return
    }
  }

  /** The oldest write in flight is answered, as the scope sends them one at a time. */
  settle(ok: boolean) {
    if (this.offline) return // nothing is sent: the writes wait
    const record = this.records.find((r) => r.status === 'pending')
    if (!record) return
    record.waiting = false
    if (blockingWrite(record.write, this.records)) {
      record.status = 'error' // not sent
      return
    }
    if (!ok) {
      record.status = 'error'
      return
    }
    const { write } = record
    this.sent.push(write)
    const existing = this.table.get(write.project.id)
    if (write.type === 'create') this.table.set(write.project.id, write.project)
    else if (write.type === 'delete') this.table.delete(write.project.id)
    // PUT upserts, as the real API does.
    else this.table.set(write.project.id, { ...(existing ?? write.project), name: write.name })
    record.status = 'success'
    this.answered = this.answer()
  }

  settleAll(ok: boolean) {
    this.run({ kind: 'online' })
    while (this.records.some((r) => r.status === 'pending')) this.settle(ok)
  }
}

/** The name a write gives its project, if it gives one. */
const nameOf = (write: ProjectWrite) =>
  write.type === 'rename' ? write.name : write.type === 'create' ? write.project.name : undefined

function checkInvariants(session: Session) {
  const view = session.view()
  const names = new Set(view.map((p) => p.name))
  const dropped = droppedWrites(session.records)
  const ids = view.map((p) => p.id)
  expect(new Set(ids).size, 'no project shown twice').toBe(ids.length)

  for (const { write } of session.records) {
    const name = nameOf(write)
    if (dropped.has(write.key) && name) {
      expect(names.has(name), `failed or dependent write ${write.key} does not show`).toBe(false)
    }
  }

  // A write that depends on a failed one never reaches the API, nor one the user cancelled.
  for (const write of session.sent) {
    expect(dropped.has(write.key)).toBe(false)
    expect(session.cancelled.has(write.key), `cancelled write ${write.key} was sent`).toBe(false)
  }
  // A cancelled write doesn't show: names are unique, so its name is nowhere.
  for (const write of session.cancelled.values()) {
    const name = nameOf(write)
    if (name) expect(names.has(name), `cancelled write ${write.key} shows`).toBe(false)
  }
  // Offline, nothing waiting has been sent.
  for (const { write, waiting } of session.records) {
    if (waiting) expect(session.sent).not.toContain(write)
  }

  // The newest write still in flight for a project is what the user sees of it.
  const newest = new Map<number, ProjectWrite>()
  for (const { write, status } of session.records) {
    if (status === 'pending' && !dropped.has(write.key)) newest.set(write.project.id, write)
  }
  for (const [id, write] of newest) {
    const shown = view.find((p) => p.id === id)
    if (write.type === 'delete') expect(shown, `pending delete of ${id} hides it`).toBeUndefined()
    if (write.type === 'create') expect(shown?.name).toBe(write.project.name)
    if (write.type === 'rename' && shown) expect(shown.name).toBe(write.name)
  }
}

const sessions = (initial: fc.Arbitrary<number>) =>
  fc.record({ initial, commands: fc.array(command, { maxLength: 40 }), finalOk: fc.boolean() })

describe('foldWrites over generated interleavings', () => {
  it('shows the answered list with in-flight writes on top, never a failed one, and ends equal to the API', () => {
    fc.assert(
      fc.property(sessions(fc.integer({ min: 0, max: 6 })), ({ initial, commands, finalOk }) => {
        const session = new Session(initial, API_LIST_LIMIT)
        for (const c of commands) {
          session.run(c)
          checkInvariants(session)
        }
        session.settleAll(finalOk)
        checkInvariants(session)
        // Nothing in flight and an uncapped list: the screen is exactly the last answer.
        const view = session.view()
        const byId = (a: Project, b: Project) => a.id - b.id
        expect([...view].sort(byId)).toEqual([...session.answered.items].sort(byId))
      }),
      { numRuns: 300 },
    )
  })

  it('without other people, ends showing exactly what the table holds', () => {
    const ownCommands = command.filter((c) => !c.kind.startsWith('other'))
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(ownCommands, { maxLength: 40 }),
        (initial, commands) => {
          const session = new Session(initial, API_LIST_LIMIT)
          for (const c of commands) session.run(c)
          session.settleAll(true)
          const byId = (a: Project, b: Project) => a.id - b.id
          expect([...session.view()].sort(byId)).toEqual([...session.table.values()].sort(byId))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('past the cap, keeps what this tab saved on screen (marked) and shows nothing that is not in the table', () => {
    const ownCommands = command.filter((c) => !c.kind.startsWith('other'))
    fc.assert(
      fc.property(
        fc.integer({ min: 45, max: 60 }),
        fc.array(ownCommands, { maxLength: 30 }),
        (initial, commands) => {
          const session = new Session(initial, API_LIST_LIMIT)
          for (const c of commands) {
            session.run(c)
            checkInvariants(session)
          }
          session.settleAll(true)
          const view = session.view()
          const listed = new Set(session.answered.items.map((p) => p.id))
          for (const project of view) {
            // Every project shown exists, under the name shown (nobody else changed the table).
            expect(session.table.get(project.id)?.name).toBe(project.name)
            expect(Boolean(project.beyond)).toBe(!listed.has(project.id))
          }
          // Everything this tab created or renamed that still exists is on screen.
          for (const { write, status } of session.records) {
            if (status !== 'success' || write.type === 'delete') continue
            const stored = session.table.get(write.project.id)
            if (stored) expect(view.some((p) => p.id === stored.id)).toBe(true)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('forgets projects kept past the cap once an answer under the cap leaves them out', () => {
    const project = { id: 999, name: 'Mine', isDefault: false }
    const write: ProjectWrite = { type: 'create', key: 'a', after: [], project }
    const full = Array.from({ length: 50 }, (_, i) => ({
      id: i + 1,
      name: `p${i}`,
      isDefault: false,
    }))
    const records: WriteRecord[] = [{ write, status: 'success' }]
    expect(foldWrites({ items: full, unreadable: 0, listed: 50 }, records).items).toContainEqual({
      ...project,
      beyond: true,
    })
    const short = full.slice(0, 49)
    expect(
      foldWrites({ items: short, unreadable: 0, listed: 49 }, records).items,
    ).not.toContainEqual(expect.objectContaining({ id: 999 }))
  })
})
