/**
 * The service worker that lets the app open with no network: vite-plugin-pwa
 * generates it with Workbox (`dist/sw.js`); src/app/service-worker.ts
 * registers it once the first screen is up, and asks before a new release
 * takes over a page (registerType `prompt`).
 *
 * - **Precached** (downloaded when a release's worker installs, then served
 *   from the cache): the documents of the signed-in routes and index.html, and
 *   what they load (the entry, the route chunks, their CSS). Nothing only the
 *   sign-in screens use: a returning user downloads none of it.
 * - **Kept as fetched**: any other hashed file under /assets/ (the sign-in
 *   screens' chunks, the long-list virtualiser), cache first, as its name
 *   changes with its content.
 * - **From the network only**: the public pages' documents (prerendered in the
 *   visitor's language, which the CDN picks), with index.html as the fallback
 *   when offline; and everything else. The API, the emulator and Cognito are
 *   never answered from a cache: no route matches them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { LOCAL_AWS_BASE_PATH } from '../local-aws/src/defaults.ts'
import { home } from '../src/config/paths.ts'
import { appRoutes } from './route-table.ts'

/** Signed-in routes: their documents are precached and served at once, online or not. */
const keptRoutes = appRoutes.filter((route) => route.access === 'member')
/** Public routes: the CDN chooses their document (and its language); offline, index.html draws the page. */
const publicRoutes = appRoutes.filter((route) => route.access !== 'member')

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** Files in `dist` a document links: `/assets/x.js` → `assets/x.js`. */
function linkedFiles(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="\/([^"]+)"/g)].map((match) => match[1]!)
}

export function serviceWorkerPlugin(env: Record<string, string>): Plugin[] {
  let outDir = ''
  const whereBuilt: Plugin = {
    name: 'service-worker-shell',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
  }
  const apiPath = env.VITE_API_URL?.startsWith('/') ? env.VITE_API_URL : undefined
  const publicPaths = `(?:${publicRoutes.map((route) => escape(route.path)).join('|')})/?(?:[?#].*)?$`
  // Workbox tests a route's pattern on the whole URL and, for another origin, takes only
  // a match at 0: starting at the origin's `//`, these match this origin only.
  const publicPage = new RegExp(`//[^/?#]+${publicPaths}`, 'i')
  const hashedAsset = /\/\/[^/?#]+\/assets\/[^/?#]+\.(?:js|css|svg|woff2?)$/
  return [
    whereBuilt,
    ...VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Not an installable app: no web manifest, no icons.
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg}'],
        // Of everything built, the shell: the kept documents and what they link.
        manifestTransforms: [
          (entries) => {
            const documents = ['index.html', ...keptRoutes.map((route) => route.document.slice(1))]
            // Vite runs this even after a failed build: its own error is the one to show.
            if (!existsSync(join(outDir, 'index.html'))) return { manifest: entries, warnings: [] }
            const shell = new Set(['favicon.svg', ...documents])
            for (const document of documents) {
              for (const file of linkedFiles(readFileSync(join(outDir, document), 'utf8')))
                shell.add(file)
            }
            return { manifest: entries.filter((entry) => shell.has(entry.url)), warnings: [] }
          },
        ],
        // `/` shows the projects list: it gets that route's document, as on the CDN.
        directoryIndex: `${home.redirectsTo.slice(1)}.html`,
        // Any other path the app has no document for: index.html, whose router says "not found".
        navigateFallback: 'index.html',
        // Tested on the path and query.
        navigateFallbackDenylist: [
          new RegExp(`^${publicPaths}`, 'i'),
          new RegExp(`^${escape(LOCAL_AWS_BASE_PATH)}(?:/|$)`),
          ...(apiPath ? [new RegExp(`^${escape(apiPath)}(?:/|$)`)] : []),
          // A file, not a page.
          /\.[a-z0-9]+$/i,
        ],
        runtimeCaching: [
          {
            urlPattern: publicPage,
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: 'index.html' } },
          },
          {
            urlPattern: hashedAsset,
            handler: 'CacheFirst',
            options: {
              cacheName: 'assets',
              // Old releases' files go once enough newer ones are kept.
              expiration: { maxEntries: 120 },
            },
          },
        ],
        cleanupOutdatedCaches: true,
        // Source maps are not deployed (see vite.config.ts).
        sourcemap: false,
      },
    }),
  ]
}
