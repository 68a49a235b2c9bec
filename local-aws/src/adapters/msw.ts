/**
 * msw handlers that hand every request under `${origin}${basePath}` to the
 * emulator, and those to the same place over https:// for an http:// origin.
 * Requests it doesn't claim fall through to the next handler (or to
 * `onUnhandledRequest`).
 */
import { http, type HttpHandler } from 'msw'
import type { LocalAws } from '../local-aws.ts'

/** The same request, as if it had been sent to `origin`. */
async function sentTo(origin: string, request: Request): Promise<Request> {
  const url = new URL(request.url)
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer()
  return new Request(new URL(url.pathname + url.search, origin), {
    method: request.method,
    headers: request.headers,
    body,
  })
}

/**
 * @param localAws the emulator to call, looked up per request so tests can
 *   swap in a fresh one without touching the handlers.
 */
export function localAwsHandlers(localAws: () => LocalAws, origin: string): HttpHandler[] {
  const resolver = async ({ request }: { request: Request }) =>
    (await localAws().handle(request)) ?? undefined
  const mount = origin.replace(/\/+$/, '') + localAws().basePath
  // Amplify posts to the endpoint itself (no trailing slash), everything else is below it.
  const handlers = [http.all(mount, resolver), http.all(`${mount}/*`, resolver)]
  if (!mount.startsWith('http://')) return handlers
  // As the dev server answers TLS on its port: Amplify calls the OAuth domain
  // (`host:port/local-aws`) over https only, and the emulator takes those calls
  // as made to the http origin, so its tokens have one issuer.
  const tlsTwin = mount.replace(/^http:/, 'https:')
  const asHttp = async ({ request }: { request: Request }) =>
    (await localAws().handle(await sentTo(origin, request))) ?? undefined
  return [...handlers, http.all(tlsTwin, asHttp), http.all(`${tlsTwin}/*`, asHttp)]
}
