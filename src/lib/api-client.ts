import { env } from '@/config/env'
import { adoptEarlyRequest } from '@/lib/early-list-request'
import { getIdToken, reportSessionExpired, sessionEndings } from '@/lib/auth'

/**
 * The one fetch client for the API. It is the only place that knows about
 * headers, base URLs, timeouts and 401s; everything above it sees either a
 * JSON value or a typed ApiError.
 */

export type ApiErrorKind =
  | 'unauthorized' // the API refused the session even after a token refresh
  | 'client' // another 4xx: the request itself was wrong
  | 'server' // 5xx, e.g. the API's 502 on a malformed body or a backend failure
  | 'network' // no answer at all (DNS, connection reset, blocked by CORS)
  | 'offline' // the browser says it has no connection
  | 'timeout' // no answer within the time limit
  | 'bad-response' // an answer that isn't the JSON the contract promises

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message)
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** How long one request may take, answer body included. */
const TIMEOUT_MS = 15_000
/** First retry delay for reads; doubles each time. */
const RETRY_BASE_MS = 1_000

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path under env().apiUrl, e.g. "/projects". */
  path: string
  body?: unknown
  /** Cancellation from the caller (react-query passes one for reads). */
  signal?: AbortSignal
}

/** Resolves env().apiUrl (absolute, or a path on the app's own origin) plus `path`. */
export function apiUrl(path: string): URL {
  return new URL(`${env().apiUrl}${path}`, globalThis.location?.href)
}

function isCrossOrigin(url: URL): boolean {
  return globalThis.location !== undefined && url.origin !== globalThis.location.origin
}

/**
 * Sends one request and returns the parsed JSON body of a 2xx answer. An
 * answer that arrives after the session it was sent for ended is refused: it
 * belongs to the user who left, and must not reach the next one's cache.
 */
export async function apiRequest(request: ApiRequest): Promise<unknown> {
  const endingsBefore = sessionEndings()
  const value = await requestRefreshingOnce(request)
  if (sessionEndings() !== endingsBefore) {
    throw new ApiError('unauthorized', 'The session ended while the API answered.')
  }
  return value
}

async function requestRefreshingOnce({ method, path, body, signal }: ApiRequest) {
  const url = apiUrl(path)
  const first = await send(url, method, body, signal, await currentToken(false))
  if (first.ok) return first.value

  // The API Gateway authorizer answers 401 when the token is expired, revoked
  // or malformed: refresh it once and try once more. A cross-origin API sends
  // its 401s without CORS headers, so the browser shows them to us as a network
  // failure; when the API is on another origin and we are online, an opaque
  // failure of a read gets the same single refresh-and-retry. A write is not
  // re-sent on a guess: it may have reached the API, and the user decides.
  // Deploy the API on the app's own origin (README) to make 401s visible.
  const opaqueMaybe401 =
    method === 'GET' &&
    first.error?.kind === 'network' &&
    isCrossOrigin(url) &&
    navigator.onLine !== false
  if (first.response?.status !== 401 && !opaqueMaybe401) throw first.error ?? unexpected(first)

  const retried = await send(url, method, body, signal, await currentToken(true))
  if (retried.ok) return retried.value
  if (retried.response?.status === 401) {
    reportSessionExpired('api-unauthorized')
    throw new ApiError('unauthorized', 'The API refused the session.', 401)
  }
  throw retried.error ?? unexpected(retried)
}

async function currentToken(forceRefresh: boolean): Promise<string> {
  let token
  try {
    token = await getIdToken({ forceRefresh })
  } catch {
    // Cognito couldn't be reached to refresh the token: the session stands, the
    // call fails as any call without a network does, and a retry can succeed.
    throw navigator.onLine === false
      ? new ApiError('offline', 'The browser is offline.')
      : new ApiError('network', 'The token could not be refreshed.')
  }
  if (!token) {
    // Nobody is signed in any more (the refresh token expired or was revoked).
    reportSessionExpired('expired')
    throw new ApiError('unauthorized', 'Not signed in.')
  }
  return token
}

type Sent =
  | { ok: true; value: unknown; response: Response; error?: undefined }
  | { ok: false; response?: Response; error?: ApiError }

/** One request, and the JSON of a 2xx answer, within the time limit. */
async function send(
  url: URL,
  method: ApiRequest['method'],
  body: unknown,
  signal: AbortSignal | undefined,
  token: string,
): Promise<Sent> {
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS)
  const headers: Record<string, string> = {
    Authorization: env().apiAuthScheme === 'bearer' ? `Bearer ${token}` : token,
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  try {
    const init = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
    }
    // The list's GET may already be on its way, started before the app ran.
    const response = await (adoptEarlyRequest(url, init) ?? fetch(url, init))
    if (!response.ok) return { ok: false, response, error: statusError(response.status) }
    return { ok: true, response, value: await readJson(response) }
  } catch (error) {
    // The caller's own cancellation is not a failure: let react-query see it as is.
    if (signal?.aborted) throw error
    if (timeout.signal.aborted) {
      return { ok: false, error: new ApiError('timeout', 'The API did not answer in time.') }
    }
    if (isApiError(error)) throw error
    if (navigator.onLine === false) {
      return { ok: false, error: new ApiError('offline', 'The browser is offline.') }
    }
    return { ok: false, error: new ApiError('network', 'The API could not be reached.') }
  } finally {
    clearTimeout(timer)
  }
}

function statusError(status: number): ApiError {
  if (status === 401) return new ApiError('unauthorized', 'The API refused the session.', status)
  if (status >= 500) return new ApiError('server', `The API failed (${status}).`, status)
  return new ApiError('client', `The API refused the request (${status}).`, status)
}

function unexpected(sent: Sent): ApiError {
  return new ApiError('bad-response', 'Unexpected answer.', sent.response?.status)
}

/** An HTML error page, an empty body or broken JSON is a clear error, never a crash. */
async function readJson(response: Response): Promise<unknown> {
  let text: string
  try {
    text = await response.text()
  } catch {
    return Promise.reject(new ApiError('network', 'The answer was cut off.', response.status))
  }
  if (text.trim() === '') {
    throw new ApiError('bad-response', 'The API answered with an empty body.', response.status)
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(
      'bad-response',
      'The API answered with something other than JSON.',
      response.status,
    )
  }
}

/** Reads are retried on failures that may pass (no answer, 5xx), never on 4xx or bad bodies. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2 || !isApiError(error)) return false
  return ['network', 'offline', 'timeout', 'server'].includes(error.kind)
}

export function readRetryDelay(attempt: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** attempt, 10_000)
}
