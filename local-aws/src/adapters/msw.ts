/**
 * msw handlers that hand every request under `${origin}${basePath}` to the
 * emulator. Requests it doesn't claim fall through to the next handler (or to
 * `onUnhandledRequest`).
 */
import { http, type HttpHandler } from 'msw'
import type { LocalAws } from '../local-aws.ts'

/**
 * @param localAws the emulator to call, looked up per request so tests can
 *   swap in a fresh one without touching the handlers.
 */
export function localAwsHandlers(localAws: () => LocalAws, origin: string): HttpHandler[] {
  const resolver = async ({ request }: { request: Request }) =>
    (await localAws().handle(request)) ?? undefined
  const mount = origin.replace(/\/+$/, '') + localAws().basePath
  // Amplify posts to the endpoint itself (no trailing slash), everything else is below it.
  return [http.all(mount, resolver), http.all(`${mount}/*`, resolver)]
}
