/**
 * The names under which this browser keeps a user's projects data between page
 * loads: the list (persisted-list.ts), the writes waiting for the network
 * (offline-queue.ts), the channel to the user's other tabs (list-across-tabs.ts),
 * and what the projects document's early module reads of them (read-kept-list.ts).
 */
import { env } from '@/config/env'
import { projectKeys } from './project-keys'

/** How long a kept list may be shown; older, it says too little about today's. */
export const KEPT_FOR_MS = 24 * 3600_000

/** The list's query key, as the query cache hashes it. */
export const LIST_HASH = JSON.stringify(projectKeys.list())

/** The kept list's entries (one per user) start with this; the tabs' channel is named it. */
export const listNamespace = () =>
  `projects-console.list.${env().userPoolId}.${env().userPoolClientId}`

export const keptListKey = (owner: string) => `${listNamespace()}.${owner}`

/** Only what this very build kept is shown: another build's data may mean something else. */
export const keptListBuster = () => String(import.meta.env.VITE_BUILD_ID)

export const QUEUE_PREFIX = 'projects-console.queue.'

/** The writes `owner`'s tabs have queued are kept under keys that start with this. */
export const queuedWritesPrefix = (owner: string) =>
  `${QUEUE_PREFIX}${env().userPoolId}.${env().userPoolClientId}.${owner}.`
