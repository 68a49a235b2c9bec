import { ApiError } from '@/lib/api-client'

/** A project as the rest of the app sees it: clean types only. */
export interface Project {
  id: number
  name: string
  isDefault: boolean
}

/** What the API's list turns into. */
export interface ProjectList {
  items: Project[]
  /** Entries left out because they had no usable id (shown to the user as a notice). */
  unreadable: number
  /** How many entries the answer held, readable or not. */
  listed: number
  /**
   * Ids of the items that came without an `is-default` attribute (absent when
   * every item had one). This app always writes one, and PUT keeps it, so an
   * item that loses it was deleted and re-created by a PUT (an upsert).
   */
  unflagged?: number[]
}

/** Whether the item with `id` came without an `is-default` attribute. */
export const isUnflagged = (list: ProjectList, id: number): boolean =>
  list.unflagged?.includes(id) ?? false

export { API_LIST_LIMIT, isCapped } from './list-limit'

// A decimal number as DynamoDB serialises it: "200", "-7", "0.2e3", "2E+2", "200.0", ".5e3".
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * A project id from the wire or from a form: a JSON number or a string holding
 * a decimal number in any notation, surrounding spaces allowed. Only integers
 * that a JS number holds exactly are ids: anything else (1.5, "abc", "", NaN,
 * 1e30, "0x10") is undefined, because it could not be sent back as the same
 * key and a rename or delete would hit another project or none.
 */
export function parseProjectId(value: unknown): number | undefined {
  let id: number
  if (typeof value === 'number') id = value
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) id = Number(value.trim())
  else return undefined
  if (!Number.isSafeInteger(id)) return undefined
  return id === 0 ? 0 : id // no -0
}

function parseIsDefault(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string') return value.trim().toLowerCase() === 'true'
  return false // missing, null or anything else: not the default
}

function parseName(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

/**
 * The one parser at the edge: the API's JSON body to a ProjectList. A body that
 * isn't a list is a `bad-response` ApiError. Entries that aren't objects or
 * have no usable id are left out and counted; unknown attributes are ignored;
 * a repeated id keeps its first entry (the table key is unique, so a repeat is
 * a serialisation glitch).
 */
export function parseProjects(body: unknown): ProjectList {
  if (!Array.isArray(body)) {
    throw new ApiError(
      'bad-response',
      'The API answered with something other than a list of projects.',
    )
  }
  const items: Project[] = []
  const seen = new Set<number>()
  const unflagged: number[] = []
  let unreadable = 0
  for (const entry of body as unknown[]) {
    const record =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined
    const id = record ? parseProjectId(record['project-id']) : undefined
    if (record === undefined || id === undefined) {
      unreadable += 1
      continue
    }
    if (seen.has(id)) continue
    seen.add(id)
    if (record['is-default'] === undefined) unflagged.push(id)
    items.push({
      id,
      name: parseName(record.name),
      isDefault: parseIsDefault(record['is-default']),
    })
  }
  const list: ProjectList = { items, unreadable, listed: body.length }
  if (unflagged.length > 0) list.unflagged = unflagged
  return list
}
