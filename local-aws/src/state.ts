/**
 * The emulator's whole state, as plain JSON so a Store can keep it in memory
 * or in a file. Web standards only: this runs in msw, Vite and Node alike.
 */
import { createCognitoData, type CognitoData, type DeliveredCode } from './cognito/service.ts'

/** A JSON value as DynamoDB would hold it (numbers as JS numbers here; strings on the wire). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** One item of the projects table, written as the client sent it. */
export type ProjectItem = { [attribute: string]: JsonValue }

export interface InboxEntry extends DeliveredCode {
  /** Epoch ms, from the emulator's clock. */
  sentAt: number
}

export interface LocalAwsState {
  version: 1
  cognito: CognitoData
  /** The projects table, keyed by the canonical decimal form of `project-id`. */
  projects: Record<string, ProjectItem>
  /** Delivered codes, oldest first. */
  inbox: InboxEntry[]
}

/**
 * Where the state lives between requests. `load` is synchronous so a broken
 * state file stops a server at start-up, before it answers anything.
 */
export interface Store {
  /** The saved state, or null when there is none yet. Throws on a corrupt one. */
  load(): LocalAwsState | null
  save(state: LocalAwsState): Promise<void>
  /** A name for messages, e.g. the file path. */
  readonly description: string
}

export function freshState(): LocalAwsState {
  return { version: 1, cognito: createCognitoData(), projects: {}, inbox: [] }
}

/** Keeps the state in this process only: every test starts from a fresh one. */
export function memoryStore(): Store {
  let saved: LocalAwsState | null = null
  return {
    description: 'memory',
    load: () => saved,
    save: async (state) => {
      saved = state
    },
  }
}

/** Why `value` is not a LocalAwsState, or null when it looks like one. */
export function stateShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'it is not a JSON object'
  }
  const state = value as Partial<Record<keyof LocalAwsState, unknown>>
  if (typeof state.version === 'number' && state.version > 1) {
    return `it has version ${state.version}, written by a newer emulator than this one (version 1)`
  }
  if (state.version !== 1) return 'it has no "version": 1'
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObject(state.cognito) || !isObject((state.cognito as { pools?: unknown }).pools)) {
    return 'its "cognito" part is missing or malformed'
  }
  if (!isObject(state.projects)) return 'its "projects" part is missing or malformed'
  if (!Array.isArray(state.inbox)) return 'its "inbox" part is missing or malformed'
  return null
}
