/**
 * What each deployed file is served as. Set explicitly for every file, so the
 * result never depends on the deploying machine's /etc/mime.types.
 */
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
}

/** Vite's hashed output: a new content gets a new name, so browsers may keep it for good. */
export const IMMUTABLE = 'public,max-age=31536000,immutable'
/** Everything with a stable name (the HTML, public/ files): revalidated on every load. */
export const NO_CACHE = 'no-cache'

/** Source maps are for error reports, not for the public (see vite.config.ts). */
export function isDeployed(key: string): boolean {
  return !key.endsWith('.map')
}

export function contentTypeOf(key: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase()
  const type = extension && CONTENT_TYPES[extension]
  if (!type) {
    throw new Error(
      `No Content-Type known for ${key}: add its extension to scripts/deploy/content-types.ts.`,
    )
  }
  return type
}

export function cacheControlOf(key: string): string {
  return key.startsWith('assets/') ? IMMUTABLE : NO_CACHE
}
