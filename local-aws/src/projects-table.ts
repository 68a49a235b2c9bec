/**
 * The DynamoDB table behind /projects, as the real Lambda reads and writes it.
 * It keeps what the client sent; what goes back on the wire is shaped like the
 * real backend's answers, so the client can't lean on accidents:
 * - numbers come back as decimal strings (DynamoDB numbers), a quarter of the
 *   ids in exponent notation ("0.2e3" for 200), chosen by a hash of the id so
 *   a given id always looks the same;
 * - items come in hash order of their key (as a Scan returns them), neither
 *   by id nor by name nor by insertion, and their attributes in an order that
 *   varies from item to item;
 * - at most 50 of them: the Lambda scans with `Limit: 50` and never follows
 *   `LastEvaluatedKey`, so past 50 the same projects are always left out, and
 *   a write's answer may not list the project just written.
 */
import type { JsonValue, LocalAwsState, ProjectItem } from './state.ts'

/** What the real Lambda does with a body it can't use: it throws, so API Gateway answers 502. */
export class MalformedBody extends Error {}

const ID = 'project-id'

/** FNV-1a: a stable, cheap stand-in for DynamoDB's partition hash. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** The table key of an item: its `project-id`, which must be a JSON number (the key is numeric). */
function keyOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedBody('the body is not a JSON object')
  }
  const id = (body as Record<string, unknown>)[ID]
  if (typeof id !== 'number') throw new MalformedBody(`"${ID}" is not a JSON number`)
  return String(id === 0 ? 0 : id) // String() is JS's canonical decimal form; -0 is 0
}

/** POST: writes the body as-is, silently replacing an item with the same id. */
export function putItem(state: LocalAwsState, body: unknown): void {
  const key = keyOf(body)
  // JSON.parse gives only JSON values, so the cast is exact.
  state.projects[key] = structuredClone(body) as ProjectItem
}

/**
 * PUT: `SET name = :name` on the item, as DynamoDB's UpdateItem does it. Like
 * UpdateItem, an id that doesn't exist yet creates an item with only the id
 * and the name (no "is-default"); the client must cope with such an item.
 */
export function updateName(state: LocalAwsState, body: unknown): void {
  const key = keyOf(body)
  const name = (body as Record<string, JsonValue | undefined>).name
  if (name === undefined) throw new MalformedBody('"name" is missing')
  const existing = state.projects[key]
  state.projects[key] = existing ? { ...existing, name } : { [ID]: Number(key), name }
}

/** DELETE: removes the item; a missing id is not an error. */
export function deleteItem(state: LocalAwsState, body: unknown): void {
  delete state.projects[keyOf(body)]
}

/** `0.<digits>e<exponent>`: the same number in the notation the contract warns about. */
function exponentForm(n: number): string {
  const [mantissa = '0', exponent = '0'] = Math.abs(n).toExponential().split('e')
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0'
  return `${n < 0 ? '-' : ''}0.${digits}e${Number(exponent) + 1}`
}

function wireNumber(n: number, asKey: boolean): string {
  const plain = String(n === 0 ? 0 : n)
  return asKey && n !== 0 && hash(`form:${plain}`) % 4 === 0 ? exponentForm(n) : plain
}

function toWire(value: JsonValue): JsonValue {
  if (typeof value === 'number') return wireNumber(value, false)
  if (Array.isArray(value)) return value.map(toWire)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]))
  }
  return value
}

function itemToWire(key: string, item: ProjectItem): ProjectItem {
  const attributes = Object.keys(item).sort((a, b) => hash(`${key}:${a}`) - hash(`${key}:${b}`))
  return Object.fromEntries(
    attributes.map((name) => {
      const value = item[name] as JsonValue
      return [
        name,
        name === ID && typeof value === 'number' ? wireNumber(value, true) : toWire(value),
      ]
    }),
  )
}

/** The Lambda's one Scan: `Limit: 50`, and `LastEvaluatedKey` is never followed. */
export const SCAN_LIMIT = 50

/** The table as the Lambda returns it: one Scan page, in hash order, at most 50 items. */
export function scanToWire(state: LocalAwsState): ProjectItem[] {
  return Object.entries(state.projects)
    .sort(([a], [b]) => hash(`item:${a}`) - hash(`item:${b}`))
    .slice(0, SCAN_LIMIT)
    .map(([key, item]) => itemToWire(key, item))
}
