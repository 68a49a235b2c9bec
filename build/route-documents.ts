/**
 * One HTML document per app route, so a route's code and styles start loading
 * with the entry chunk instead of after it has run: each is a copy of the built
 * index.html plus `<link rel="modulepreload">` and `<link rel="stylesheet">` for
 * the route's lazy chunk, the chunks it imports and their CSS (read from Vite's
 * manifest). Links only, no inline script: the strict CSP holds.
 *
 * The routes, and which of them are prerendered, come from the app's route
 * table (src/config/paths.ts, through route-table.ts). The documents are
 * `dist/<route>.html` (`dist/sign-up/confirm.html` for /sign-up/confirm);
 * `vite preview` serves them through `routeDocument()`, CloudFront through the
 * function in infra/hosting.yaml, given the same table by the deploy.
 */
import { basename, resolve } from 'node:path'
import { createServer, type Manifest, type Plugin, type ResolvedConfig } from 'vite'
import { paths, screenOf } from '../src/config/paths.ts'
import { parseSignInMethods, passwordless } from '../src/config/sign-in-methods.ts'
import { appRoutes, prerenderedLanguages, prerenderedRoutes, routeDocument } from './route-table.ts'

/** The module each route's lazy screen is, in a build with these settings. */
function routeModules(env: Record<string, string>): Record<string, string> {
  const passwordlessBuild = passwordless({
    signInMethods: parseSignInMethods(env.VITE_SIGN_IN_METHODS),
  })
  return Object.fromEntries(
    appRoutes.map((route) => [
      route.path,
      `src/app/routes/${screenOf(route, { passwordless: passwordlessBuild })}.tsx`,
    ]),
  )
}

/**
 * Modules a route's document runs on their own, ahead of the app, as soon as
 * they arrive (`<script type="module" async>`): each is a build entry of its own.
 */
const routeEarlyModules: Record<string, string> = {
  [paths.projects]: 'src/start-list-request.ts',
}

/**
 * Lazy modules the shell draws above every page, so every route's document
 * preloads them with the route's own: the page waits for them (the local-mode
 * banner, src/app/layout/root-layout.tsx), and found only once the entry has run
 * they would be a second wave. Those a build leaves out (no banner in
 * production) are not in its manifest and are skipped.
 */
const shellModules = ['src/features/auth/local-mode/local-mode-banner.tsx']

/**
 * What a signed-in page starts before it renders, beside its own module: the
 * QueryClient with the list's persistence (src/app/data-layer.ts, loaded on
 * first use so that a visitor's sign-in page has none of it).
 */
const memberModules = ['src/app/data-layer.ts']

/**
 * `document` with `body` (the app's prerendered HTML) in its #root: React's
 * <title> goes to the head, and the page says its language. Style attributes
 * are dropped: the strict CSP refuses them in HTML (React sets the same styles
 * through the CSSOM once it runs, which the CSP allows).
 */
function withPrerendered(document: string, body: string, language: string): string {
  const title = /^<title>(.*?)<\/title>/.exec(body)
  const content = (title ? body.slice(title[0].length) : body).replace(/ style="[^"]*"/g, '')
  return document
    .replace(/<html lang="[^"]*">/, `<html lang="${language}">`)
    .replace(/<title>.*?<\/title>/, title ? title[0] : '$&')
    .replace('<div id="root"></div>', () => `<div id="root">${content}</div>`)
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
  const alreadyLinked = (file: string) =>
    indexHtml.includes(`/${file}"`) || early?.imports.includes(file) === true
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

/** The app's public pages, drawn by src/prerender.tsx run through Vite (so with this build's settings). */
async function prerenderPages(config: ResolvedConfig) {
  const server = await createServer({
    configFile: config.configFile,
    root: config.root,
    mode: config.mode,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  })
  try {
    const { prerenderPage } = (await server.ssrLoadModule('/src/prerender.tsx')) as {
      prerenderPage: (path: string, language: string) => Promise<string>
    }
    const pages = new Map<string, string>()
    for (const route of prerenderedRoutes) {
      for (const language of prerenderedLanguages) {
        pages.set(`${route} ${language}`, await prerenderPage(route, language))
      }
    }
    return pages
  } finally {
    await server.close()
  }
}

export function routeDocumentsPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'route-documents',
    configResolved(resolved) {
      config = resolved
    },
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
      async handler(_options, bundle) {
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
        const prerendered = await prerenderPages(config)
        for (const [route, module] of Object.entries(routeModules(config.env))) {
          if (!manifest[module]) this.error(`route-documents: ${module} (${route}) built no chunk`)
          const seen = new Set(seenByEntry)
          const member =
            appRoutes.find((candidate) => candidate.path === route)?.access === 'member'
          const files = [
            ...shellModules.filter((shell) => manifest[shell]),
            ...(member ? memberModules : []),
            module,
          ].map((key) => chunkFiles(manifest, key, seen))
          const js = files.flatMap((file) => file.js)
          const css = files.flatMap((file) => file.css)
          const earlyModule = routeEarlyModules[route]
          const early = earlyModule ? chunkFiles(manifest, earlyModule) : undefined
          const document = routeHtml(
            indexHtml,
            js,
            css,
            // The early module's own chunk is its script; the chunks it imports are preloaded.
            early && { script: early.js.at(-1)!, imports: early.js.slice(0, -1) },
          )
          if (!prerenderedRoutes.includes(route)) {
            this.emitFile({ type: 'asset', fileName: `${route.slice(1)}.html`, source: document })
            continue
          }
          for (const language of prerenderedLanguages) {
            this.emitFile({
              type: 'asset',
              fileName: `${route.slice(1)}${language === 'en' ? '' : `.${language}`}.html`,
              source: withPrerendered(document, prerendered.get(`${route} ${language}`)!, language),
            })
          }
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
          req.url =
            routeDocument(url.pathname, {
              cookie: req.headers.cookie,
              acceptLanguage: req.headers['accept-language'],
            }) + url.search
        }
        next()
      })
    },
  }
}
