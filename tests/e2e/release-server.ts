import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, request as forward } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOCAL_AWS_BASE_PATH } from 'local-aws/defaults'
import { routeDocument } from '../../build/route-table.ts'
import { cacheControlOf, contentTypeOf } from '../../scripts/deploy/content-types.ts'
import { contentSecurityPolicy } from '../../vite.config.ts'

/**
 * A site whose release can change under an open page, served as the deploy
 * leaves it on CloudFront: each route's document, `no-cache` for every stable
 * name (sw.js included), the strict CSP, and a new release copied over the
 * old one, so the old release's hashed files stay. The emulator's paths go to
 * the browser tests' own server (`emulator`), so their helpers' users sign in here.
 */
export async function startReleaseServer(firstRelease: string, emulator: string) {
  const root = mkdtempSync(join(tmpdir(), 'e2e-release-'))
  cpSync(firstRelease, root, { recursive: true })
  const csp = contentSecurityPolicy({})
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://release')
    if (url.pathname.startsWith(LOCAL_AWS_BASE_PATH)) {
      const upstream = forward(
        new URL(url.pathname + url.search, emulator),
        { method: req.method, headers: { ...req.headers, host: new URL(emulator).host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      req.pipe(upstream)
      return
    }
    const key = /\.[a-z0-9]+$/i.test(url.pathname)
      ? url.pathname.slice(1)
      : routeDocument(url.pathname, {
          cookie: req.headers.cookie,
          acceptLanguage: req.headers['accept-language'],
        }).slice(1)
    try {
      const body = readFileSync(join(root, key))
      res.writeHead(200, {
        'content-type': contentTypeOf(key),
        'cache-control': cacheControlOf(key),
        'content-security-policy': csp,
      })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    /** Publishes `dist` as the next release. */
    release: (dist: string) => cpSync(dist, root, { recursive: true }),
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      rmSync(root, { recursive: true, force: true })
    },
  }
}
