/**
 * One HTML document per app route, so a route's code and styles start loading
 * with the entry chunk instead of after it has run: each is a copy of the built
 * index.html plus `<link rel="modulepreload">` and `<link rel="stylesheet">` for
 * the route's lazy chunk, the chunks it imports and their CSS (read from Vite's
 * manifest). Links only, no inline script: the strict CSP holds.
 *
 * The documents are `dist/<route>.html` (`dist/sign-up/confirm.html` for
 * /sign-up/confirm). `vite preview` serves them through `routeDocument()` below;
 * CloudFront through the function in infra/hosting.yaml, which keeps the same
 * table (tests/infra/spa-routes-function.test.ts checks that they agree).
 */
import { basename, resolve } from 'node:path'
import type { Manifest, Plugin } from 'vite'
import { paths } from '../src/config/paths.ts'

/** Each route with its own document, and the module its lazy route imports. */
export const routeModules: Record<string, string> = {
  [paths.projects]: 'src/app/routes/projects.tsx',
  [paths.account]: 'src/app/routes/account.tsx',
  [paths.signIn]: 'src/app/routes/sign-in.tsx',
  [paths.signUp]: 'src/app/routes/sign-up.tsx',
  [paths.confirmSignUp]: 'src/app/routes/confirm-sign-up.tsx',
  [paths.forgotPassword]: 'src/app/routes/forgot-password.tsx',
}

/**
 * Modules a route's document runs on their own, ahead of the app, as soon as
 * they arrive (`<script type="module" async>`): each is a build entry of its own.
 */
export const routeEarlyModules: Record<string, string> = {
  [paths.projects]: 'src/start-list-request.ts',
}

/** Paths that show another route's screen: `/` redirects to the projects list at once. */
const aliases: Record<string, string> = { [paths.home]: paths.projects }

/**
 * The document served for a path without a file extension, as the CloudFront
 * Function decides it: a route's own file, else index.html (the router shows
 * "not found" for unknown paths). Like the router, it ignores case and a trailing slash.
 */
export function routeDocument(pathname: string): string {
  const route = pathname.toLowerCase().replace(/(.)\/+$/, '$1')
  const target = aliases[route] ?? route
  return Object.hasOwn(routeModules, target) ? `${target}.html` : '/index.html'
}

/** The chunks (and their CSS) a manifest entry needs, its static imports first. */
function chunkFiles(manifest: Manifest, key: string, seen = new Set<string>()) {
  const js: string[] = []
  const css: string[] = []
  const visit = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    const chunk = manifest[id]
    if (!chunk) throw new Error(`route-documents: ${id} is not in Vite's manifest`)
    for (const imported of chunk.imports ?? []) visit(imported)
    js.push(chunk.file)
    css.push(...(chunk.css ?? []))
  }
  visit(key)
  return { js, css }
}

/**
 * `early` (a module and the chunks it imports) goes first in the head, ahead of
 * the app's entry, at high priority: it is small and the browser runs it as
 * soon as it arrives, not after the entry (`async`).
 */
function routeHtml(
  indexHtml: string,
  js: string[],
  css: string[],
  early?: { script: string; imports: string[] },
): string {
  const alreadyLinked = (file: string) => indexHtml.includes(`/${file}"`)
  const links = [
    ...js
      .filter((file) => !alreadyLinked(file))
      .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...css
      .filter((file) => !alreadyLinked(file))
      .map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
  ]
  const earlyLinks = early
    ? [
        `<script type="module" async fetchpriority="high" crossorigin src="/${early.script}"></script>`,
        ...early.imports.map(
          (file) => `<link rel="modulepreload" fetchpriority="high" crossorigin href="/${file}">`,
        ),
      ]
    : []
  // Vite's own preload of a chunk the early module imports moves up with it.
  const moved = (early?.imports ?? []).reduce(
    (html, file) =>
      html.replace(new RegExp(`\\n *<link rel="modulepreload" crossorigin href="/${file}">`), ''),
    indexHtml,
  )
  const withEarly = moved.replace(
    /\n( *)(<script type="module")/,
    (_, indent: string, tag: string) =>
      `${earlyLinks.map((link) => `\n${indent}${link}`).join('')}\n${indent}${tag}`,
  )
  return withEarly.replace(
    /\n( *)<\/head>/,
    (_, indent: string) =>
      `${links.map((link) => `\n${indent}  ${link}`).join('')}\n${indent}</head>`,
  )
}

export function routeDocumentsPlugin(): Plugin {
  return {
    name: 'route-documents',
    // The manifest is what tells each route its chunks; it is not deployed.
    config: (config, { command }) =>
      command === 'build'
        ? {
            build: {
              manifest: true,
              rollupOptions: {
                input: {
                  index: resolve(config.root ?? '.', 'index.html'),
                  ...Object.fromEntries(
                    Object.values(routeEarlyModules).map((module) => [
                      basename(module, '.ts'),
                      resolve(config.root ?? '.', module),
                    ]),
                  ),
                },
              },
            },
          }
        : {},
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const manifestAsset = bundle['.vite/manifest.json']
        const indexAsset = bundle['index.html']
        if (manifestAsset?.type !== 'asset' || indexAsset?.type !== 'asset') {
          this.error('route-documents: the build produced no manifest or no index.html')
        }
        const manifest = JSON.parse(String(manifestAsset.source)) as Manifest
        const indexHtml = String(indexAsset.source)
        const entry = 'index.html'
        if (!manifest[entry]?.isEntry) this.error('route-documents: no entry chunk in the manifest')
        // What index.html loads already: its entry, the entry's imports and CSS.
        const shared = chunkFiles(manifest, entry)
        const seenByEntry = new Set(
          Object.keys(manifest).filter((key) => shared.js.includes(manifest[key]!.file)),
        )
        for (const [route, module] of Object.entries(routeModules)) {
          if (!manifest[module]) this.error(`route-documents: ${module} (${route}) built no chunk`)
          const { js, css } = chunkFiles(manifest, module, new Set(seenByEntry))
          const earlyModule = routeEarlyModules[route]
          const early = earlyModule ? chunkFiles(manifest, earlyModule) : undefined
          this.emitFile({
            type: 'asset',
            fileName: `${route.slice(1)}.html`,
            source: routeHtml(
              indexHtml,
              js,
              css,
              // The early module's own chunk is its script; the chunks it imports are preloaded.
              early && { script: early.js.at(-1)!, imports: early.js.slice(0, -1) },
            ),
          })
        }
        delete bundle['.vite/manifest.json']
      },
    },
    configurePreviewServer(server) {
      // Before Vite's own SPA fallback: app routes get their document, as on CloudFront.
      server.middlewares.use((req, _res, next) => {
        const url = new URL(req.url ?? '/', 'http://preview')
        // Only page loads: the emulator's and the API's paths are fetched, not navigated to.
        if (
          (req.method === 'GET' || req.method === 'HEAD') &&
          req.headers.accept?.includes('text/html') &&
          !/\.[a-zA-Z0-9]+$/.test(url.pathname)
        ) {
          req.url = routeDocument(url.pathname) + url.search
        }
        next()
      })
    },
  }
}
