/**
 * Serves a built site as S3 + CloudFront would: over HTTP/2 (the distribution's
 * `HttpVersion: http2and3`; with HTTP/1.1 a browser, and Lighthouse's
 * simulation, would open at most 6 connections to the origin and queue the
 * rest), the document for a path picked by the CloudFront Function of the app's
 * own infra/hosting.yaml (or plain index.html for the stock app), brotli when
 * the browser accepts it, hashed assets cached for a year and documents
 * revalidated (`no-cache`, as the README's deploy commands upload them). The
 * emulator answers on the same origin, in memory.
 *
 * Browsers speak HTTP/2 only over TLS: the certificate is a throwaway one for
 * 127.0.0.1 made by `openssl` for each run, which the bench's browsers are told
 * to trust (`spki`). Without `openssl` the sites are served over HTTP/1.1, and say so.
 */
import { execFileSync } from 'node:child_process'
import { createHash, createPublicKey } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { createSecureServer, type Http2Session } from 'node:http2'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { serveWithLocalAws } from 'local-aws/node-http'
import { LOCAL_AWS_BASE_PATH } from 'local-aws/defaults'
import { createLocalAws, memoryStore } from 'local-aws'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}
// CloudFront compresses these types; its brotli level is not documented, the same for both apps here.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json'])

export interface SiteOptions {
  root: string
  /** The file for a path, as the CDN picks it (it may read the request's headers and cookies). */
  route: (uri: string, request: IncomingMessage) => string
  headers?: Record<string, string>
}

export async function serveSite({ root, route, headers = {} }: SiteOptions) {
  const localAws = createLocalAws({
    store: memoryStore(),
    basePath: LOCAL_AWS_BASE_PATH,
    log: () => {},
  })
  const compressed = new Map<string, Buffer>()
  const brotli = (file: string, body: Buffer) => {
    let packed = compressed.get(file)
    if (!packed) compressed.set(file, (packed = brotliCompressSync(body)))
    return packed
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // HTTP/2 names the host in `:authority`; the emulator reads `host`.
    req.headers.host ??= req.headers[':authority'] as string | undefined
    serveWithLocalAws(localAws, req, res)
      .then((served) => {
        if (served) return
        const url = new URL(req.url ?? '/', 'http://site')
        const file = normalize(join(root, route(decodeURIComponent(url.pathname), req)))
        if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
          // S3 without list permission answers 403 for a missing key.
          res.writeHead(403, { 'content-type': 'text/plain' }).end('AccessDenied')
          return
        }
        const ext = extname(file)
        let body: Buffer = readFileSync(file)
        const head: Record<string, string> = {
          ...headers,
          'content-type': TYPES[ext] ?? 'application/octet-stream',
          'cache-control': file.includes('/assets/')
            ? 'public,max-age=31536000,immutable'
            : 'no-cache',
        }
        if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(String(req.headers['accept-encoding']))) {
          body = brotli(file, body)
          head['content-encoding'] = 'br'
          head.vary = 'Accept-Encoding'
        }
        head['content-length'] = String(body.length)
        res.writeHead(200, head).end(req.method === 'HEAD' ? undefined : body)
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500)
        res.end(String(error))
      })
  }

  const tls = certificate()
  const sessions = new Set<Http2Session>()
  const server = tls
    ? createSecureServer({ ...tls, allowHTTP1: true }, handle as never)
    : createServer(handle)
  server.on('session', (session: Http2Session) => {
    sessions.add(session)
    session.on('close', () => sessions.delete(session))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    http2: Boolean(tls),
    /**
     * The certificate's public-key hash, for Chromium's
     * `--ignore-certificate-errors-spki-list`: the browser then trusts it as it
     * would a real one, HTTP cache included (it keeps nothing from a connection
     * with a certificate error).
     */
    spki: tls
      ? createHash('sha256')
          .update(createPublicKey(tls.cert).export({ type: 'spki', format: 'der' }))
          .digest('base64')
      : undefined,
    close: async () => {
      for (const session of sessions) session.destroy()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await localAws.close()
    },
  }
}

/** A self-signed certificate for 127.0.0.1, or undefined without openssl. */
function certificate(): { key: Buffer; cert: Buffer } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    )
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
  } catch {
    return undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
