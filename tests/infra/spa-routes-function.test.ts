// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  loadSpaRoutesFunction,
  spaRoutesFunctionCode,
  viewerRequest,
} from '../../build/cloudfront-function'
import { appRoutes, routeDocument, spaRoutesParameters } from '../../build/route-table'
import { paths } from '../../src/config/paths'

const template = readFileSync('infra/hosting.yaml', 'utf8')
const handler = loadSpaRoutesFunction('dev_1', template)
const served = (uri: string) => handler(viewerRequest(uri)).uri

describe('the CloudFront Function that picks the document for a path (infra/hosting.yaml)', () => {
  it('serves each app route its own document, the file the build writes for it', () => {
    for (const route of appRoutes) {
      expect(served(route.path), route.path).toBe(`${route.path}.html`)
    }
    expect(served('/sign-in')).toBe('/sign-in.html')
    expect(served('/sign-up/confirm')).toBe('/sign-up/confirm.html')
    expect(served('/projects')).toBe('/projects.html')
  })

  it('has a document for every screen the router has, and serves / the projects one it redirects to', () => {
    for (const path of Object.values(paths)) {
      expect(served(path), path).not.toBe('/index.html')
    }
    expect(served('/')).toBe('/projects.html')
  })

  it('matches routes as the router does: any case, with or without a trailing slash', () => {
    expect(served('/sign-in/')).toBe('/sign-in.html')
    expect(served('/Sign-In')).toBe('/sign-in.html')
    expect(served('/PROJECTS//')).toBe('/projects.html')
    expect(served('/sign-up/confirm/')).toBe('/sign-up/confirm.html')
  })

  it('keeps the query string and headers (the sign-in page reads ?next=)', () => {
    const event = viewerRequest('/sign-in', { next: { value: '/account' } })
    const request = handler(event)
    expect(request).toEqual({ ...event.request, uri: '/sign-in.html' })
    expect(request.querystring).toEqual({ next: { value: '/account' } })
  })

  it('gives index.html (the "not found" page) to any other path without a file extension', () => {
    for (const uri of [
      '/nowhere',
      '/projects/42',
      '/sign-in/extra',
      '/sign-inx',
      '/account/settings',
      '/assets',
      '/dev_1',
      '/dev_2/projects',
      '/toString',
      '/__proto__',
      '/constructor',
    ]) {
      expect(served(uri), uri).toBe('/index.html')
    }
  })

  it('leaves files alone, including missing ones (S3 answers for them) and the documents themselves', () => {
    for (const uri of [
      '/assets/index-Diy4U1l2.js',
      '/assets/auth-form-DJAMfvFj.css',
      '/favicon.svg',
      '/robots.txt',
      '/assets/missing-0000.js',
      '/index.html',
      '/sign-in.html',
      '/sign-up/confirm.html',
      '/.well-known/security.txt',
    ]) {
      expect(served(uri), uri).toBe(uri)
    }
  })

  it("never rewrites the API's paths under the stage, whatever they look like", () => {
    for (const uri of ['/dev_1/projects', '/dev_1/projects/', '/dev_1/sign-in', '/dev_1/x.json']) {
      expect(served(uri), uri).toBe(uri)
    }
    // Another stage name is substituted from the ApiStage parameter.
    const prod = loadSpaRoutesFunction('prod', template)
    expect(prod(viewerRequest('/prod/projects')).uri).toBe('/prod/projects')
    expect(prod(viewerRequest('/dev_1/projects')).uri).toBe('/index.html')
  })

  it('is attached to the site only, not to the API behaviour', () => {
    expect(template.match(/FunctionAssociations:/g)).toHaveLength(1)
    expect(template).toMatch(
      /DefaultCacheBehavior:[\s\S]*FunctionAssociations:\s+- EventType: viewer-request\s+FunctionARN: !GetAtt SpaRoutesFunction[\s\S]*CacheBehaviors:/,
    )
  })

  it('agrees with `vite preview` (build/route-documents.ts) on every page path', () => {
    const uris = [
      '/',
      ...Object.values(paths),
      ...Object.values(paths).map((path) => `${path.toUpperCase()}/`),
      '/nowhere',
      '/projects/42',
      '/toString',
    ]
    for (const uri of uris) expect(served(uri), uri).toBe(routeDocument(uri))
  })

  it('serves the prerendered pages in the language the app would pick: the chosen one, else the browser’s', () => {
    const japanese = (uri: string, acceptLanguage: string, cookies?: Record<string, string>) =>
      handler(viewerRequest(uri, {}, { acceptLanguage, cookies })).uri
    expect(japanese('/sign-in', 'ja-JP,ja;q=0.9,en;q=0.8')).toBe('/sign-in.ja.html')
    expect(japanese('/Sign-Up/', 'ja')).toBe('/sign-up.ja.html')
    expect(japanese('/forgot-password', 'fr-FR, ja;q=0.7, en;q=0.5')).toBe(
      '/forgot-password.ja.html',
    )
    expect(japanese('/sign-in', 'en-GB,ja;q=0.9')).toBe('/sign-in.html')
    expect(japanese('/sign-in', 'fr-FR,de')).toBe('/sign-in.html')
    // Chosen in the app: the cookie wins over the browser.
    expect(japanese('/sign-in', 'en-US', { language: 'ja' })).toBe('/sign-in.ja.html')
    expect(japanese('/sign-in', 'ja', { language: 'en' })).toBe('/sign-in.html')
    expect(japanese('/sign-in', 'ja', { language: 'en-XA' })).toBe('/sign-in.ja.html')
    // Pages drawn in the browser have one document, whatever the language.
    expect(japanese('/projects', 'ja')).toBe('/projects.html')
    expect(japanese('/sign-up/confirm', 'ja')).toBe('/sign-up/confirm.html')
    expect(japanese('/nowhere', 'ja')).toBe('/index.html')

    for (const [acceptLanguage, cookie] of [
      ['ja', ''],
      ['en-US,ja;q=0.5', ''],
      ['ja', 'language=en'],
      ['', 'other=1; language=ja'],
    ] as const) {
      for (const uri of ['/sign-in', '/sign-up', '/forgot-password', '/projects']) {
        const cookies = Object.fromEntries(
          cookie
            .split('; ')
            .filter(Boolean)
            .map((pair) => pair.split('=') as [string, string]),
        )
        expect(handler(viewerRequest(uri, {}, { acceptLanguage, cookies })).uri, uri).toBe(
          routeDocument(uri, { cookie, acceptLanguage }),
        )
      }
    }
  })

  it('fits CloudFront Functions limits (10 KB of code), with the route table in it', () => {
    const parameters = spaRoutesParameters()
    const code = spaRoutesFunctionCode(template).replace(
      /\$\{(RouteDocuments|PrerenderedRoutes)\}/g,
      (_, name: keyof typeof parameters) => parameters[name],
    )
    expect(code).toContain('"/sign-up/confirm":"/sign-up/confirm.html"')
    expect(Buffer.byteLength(code)).toBeLessThan(10_240)
  })

  it('serves a route added to the table, with no other change', () => {
    const withReports = loadSpaRoutesFunction('dev_1', template, {
      RouteDocuments: JSON.stringify({ '/reports': '/reports.html', '/': '/projects.html' }),
      PrerenderedRoutes: JSON.stringify({ '/reports': true }),
    })
    expect(withReports(viewerRequest('/Reports/')).uri).toBe('/reports.html')
    expect(withReports(viewerRequest('/reports', {}, { acceptLanguage: 'ja' })).uri).toBe(
      '/reports.ja.html',
    )
    expect(withReports(viewerRequest('/sign-in')).uri).toBe('/index.html')
  })
})
