/**
 * Node's http (and Connect, which Vite uses) ⇄ the emulator's Request/Response.
 * Shared by the Vite plugin and the standalone server. Node only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { LocalAws } from '../local-aws.ts'

export interface ServeOptions {
  /**
   * The origin (`http://host:port`) to handle the request as if it had come to,
   * instead of the one it reached: the URL, and so the tokens' issuer and the
   * redirects the emulator builds, follow it.
   */
  origin?: string
}

async function toRequest(req: IncomingMessage, { origin }: ServeOptions): Promise<Request> {
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http'
  // `originalUrl`: Connect strips a mount path from `url`; the emulator routes on the full path.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/'
  const url = new URL(path, origin ?? `${scheme}://${req.headers.host ?? 'localhost'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue // HTTP/2 pseudo-headers
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = req.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers })
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new Request(url, { method, headers, body: Buffer.concat(chunks) })
}

async function send(response: Response, res: ServerResponse) {
  // Vite's CORS middleware runs first and may have added its own headers; the
  // emulator's answers carry exactly the CORS headers AWS sends (often none).
  for (const name of res.getHeaderNames()) {
    if (name.startsWith('access-control-') || name === 'vary') res.removeHeader(name)
  }
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}

/**
 * Answers the request with the emulator and returns true, or returns false
 * when the emulator doesn't claim it: untouched when outside its base path;
 * inside it, a request body may already have been read.
 */
export async function serveWithLocalAws(
  localAws: LocalAws,
  req: IncomingMessage,
  res: ServerResponse,
  options: ServeOptions = {},
): Promise<boolean> {
  const path =
    ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/').split(
      '?',
    )[0] ?? '/'
  const base = localAws.basePath
  if (base && path !== base && !path.startsWith(`${base}/`)) return false
  const response = await localAws.handle(await toRequest(req, options))
  if (!response) return false
  await send(response, res)
  return true
}
