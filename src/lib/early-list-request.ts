/**
 * The list's GET, started by a module of its own (src/start-list-request.ts) as
 * soon as the projects document's first wave arrives, instead of after React,
 * the router and TanStack Query have downloaded and run.
 *
 * It uses the IdToken that Amplify stored, and only while it is fresh
 * (stored-session.ts), so that the app's own getIdToken() then returns the very
 * same token. The API client adopts the request when its first GET of the
 * list carries that token: still one GET, and its answer goes through the
 * client's usual checks (a 401 still refreshes and retries). Were the app's
 * first request anything else, the early one is aborted unread.
 */
import { env } from '@/config/env'
import { readStoredSession } from '@/lib/stored-session'

const LIST_PATH = '/projects'

interface EarlyRequest {
  url: string
  authorization: string
  response: Promise<Response>
  controller: AbortController
}

let early: EarlyRequest | undefined
/**
 * The app has sent its first request. Should the early module arrive after the
 * app's own code has already asked for the list (browsers don't promise the
 * order), starting another GET would be a second one, and one left unadopted
 * could be taken for a later refresh.
 */
let appStarted = false

/** Starts GET /projects when a valid session is stored and the app hasn't asked yet; does nothing otherwise, or on any doubt. */
export function startEarlyProjectsRequest(): void {
  // Offline (a page the service worker opened), the app's own GET waits for the
  // network; this one would only fail, and be taken for the app's answer.
  if (appStarted || !navigator.onLine) return
  try {
    const token = readStoredSession()?.freshIdToken
    if (!token) return
    const url = new URL(`${env().apiUrl}${LIST_PATH}`, location.href).href
    const authorization = env().apiAuthScheme === 'bearer' ? `Bearer ${token}` : token
    const controller = new AbortController()
    const response = fetch(url, {
      method: 'GET',
      headers: { Authorization: authorization },
      signal: controller.signal,
    })
    // Adopted or not, a failure is the API client's to report (or nobody's).
    response.catch(() => {})
    early = { url, authorization, response, controller }
  } catch {
    // Storage unavailable, a malformed token: the app's usual path asks instead.
  }
}

/**
 * The early request's response, if this is the request it made (same URL,
 * method and Authorization); it then follows `signal` like a request of the
 * caller's own. Anything else ends the early request unread. Only the app's
 * first request may take it.
 */
export function adoptEarlyRequest(
  url: URL,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal },
): Promise<Response> | undefined {
  appStarted = true
  const candidate = early
  early = undefined
  if (!candidate) return undefined
  if (
    init.method !== 'GET' ||
    url.href !== candidate.url ||
    init.headers.Authorization !== candidate.authorization
  ) {
    candidate.controller.abort()
    return undefined
  }
  const follow = () => candidate.controller.abort(init.signal.reason)
  if (init.signal.aborted) follow()
  else init.signal.addEventListener('abort', follow, { once: true })
  return candidate.response
}
