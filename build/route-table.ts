/**
 * Which HTML document each page path gets, from the app's route table
 * (src/config/paths.ts): the build writes the documents (route-documents.ts),
 * and `vite preview`, the bench's server and CloudFront (through the deploy,
 * which hands this table to infra/hosting.yaml's function) serve them.
 */
import { home, routes } from '../src/config/paths.ts'

export const prerenderedLanguages = ['en', 'ja'] as const

/** Each route's own document: `/sign-up/confirm` is dist/sign-up/confirm.html. */
export const appRoutes = Object.values(routes).map((route) => ({
  ...route,
  document: `${route.path}.html`,
}))

export const prerenderedRoutes: readonly string[] = appRoutes
  .filter((route) => 'prerendered' in route && route.prerendered)
  .map((route) => route.path)

/**
 * The viewer-request function's tables, as template parameters: the document
 * of each path (`/` gets the one of the page it shows), and the paths that also
 * have a Japanese document, `<route>.ja.html`.
 */
export function spaRoutesParameters(): { RouteDocuments: string; PrerenderedRoutes: string } {
  const documents = Object.fromEntries(appRoutes.map((route) => [route.path, route.document]))
  documents[home.path] = `${home.redirectsTo}.html`
  return {
    RouteDocuments: JSON.stringify(documents),
    PrerenderedRoutes: JSON.stringify(Object.fromEntries(prerenderedRoutes.map((p) => [p, true]))),
  }
}

/**
 * The document served for a path without a file extension, as the CloudFront
 * Function decides it: a route's own file, else index.html (the router shows
 * "not found" for unknown paths). Like the router, it ignores case and a
 * trailing slash. A prerendered page comes in the visitor's language: the one
 * they chose in the app (its `language` cookie), else the first of English and
 * Japanese in their browser's Accept-Language, as the app itself picks.
 */
export function routeDocument(
  pathname: string,
  { cookie = '', acceptLanguage = '' }: { cookie?: string; acceptLanguage?: string } = {},
): string {
  const route = pathname.toLowerCase().replace(/(.)\/+$/, '$1')
  const target = route === home.path ? home.redirectsTo : route
  if (!appRoutes.some((appRoute) => appRoute.path === target)) return '/index.html'
  if (!prerenderedRoutes.includes(target)) return `${target}.html`
  return documentLanguage(cookie, acceptLanguage) === 'ja' ? `${target}.ja.html` : `${target}.html`
}

function documentLanguage(cookie: string, acceptLanguage: string): 'en' | 'ja' {
  const chosen = /(?:^|;\s*)language=(en|ja)(?:;|$)/.exec(cookie)?.[1]
  if (chosen === 'en' || chosen === 'ja') return chosen
  for (const tag of acceptLanguage.split(',')) {
    const base = tag.split(';')[0]!.trim().toLowerCase().split('-')[0]
    if (base === 'en' || base === 'ja') return base
  }
  return 'en'
}
