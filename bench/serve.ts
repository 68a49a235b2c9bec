/**
 * Serves a built site as S3 + CloudFront would: the document for a path picked
 * by the CloudFront Function of the app's own infra/hosting.yaml (or plain
 * index.html for the stock app), brotli when the browser accepts it, hashed
 * assets cached for a year and documents revalidated (`no-cache`, as the README's
 * deploy commands upload them). The emulator answers on the same origin, in memory.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { serveWithLocalAws } from '../tests/mocks/local-aws/adapters/node-http.ts'
import { LOCAL_AWS_BASE_PATH } from '../tests/mocks/local-aws/defaults.ts'
import { createLocalAws } from '../tests/mocks/local-aws/local-aws.ts'
import { memoryStore } from '../tests/mocks/local-aws/state.ts'

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
  /** Maps a request path to the file to serve (the CloudFront Function's `request.uri`). */
  route: (uri: string) => string
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

  const server = createServer((req, res) => {
    serveWithLocalAws(localAws, req, res)
      .then((served) => {
        if (served) return
        const url = new URL(req.url ?? '/', 'http://site')
        const file = normalize(join(root, route(decodeURIComponent(url.pathname))))
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
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await localAws.close()
    },
  }
}
