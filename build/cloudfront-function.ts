import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { spaRoutesParameters } from './route-table.ts'

/** The function's code in the template, before `!Sub` substitutes its parameters. */
export function spaRoutesFunctionCode(template: string): string {
  const block = /\n {6}FunctionCode: (?:!Sub )?\|\n((?: {8}.*\n|\n)+)/.exec(template)?.[1]
  if (!block) throw new Error('infra/hosting.yaml has no `FunctionCode: |` block')
  return block.replace(/^ {8}/gm, '')
}

export interface CloudFrontRequest {
  method: string
  uri: string
  querystring: Record<string, { value: string }>
  headers: Record<string, { value: string }>
  cookies: Record<string, { value: string }>
}

/**
 * The viewer-request function of infra/hosting.yaml, as CloudFront would run it
 * for a stack deployed with `ApiStage=stage` and the route table `npm run deploy`
 * passes: its code is taken from the template, the parameters substituted as
 * `!Sub` does, and evaluated in a context with none of Node's globals
 * (CloudFront's runtime has no require, process or Buffer). The tests, the
 * bench's server and the deploy tests' CDN run it.
 */
export function loadSpaRoutesFunction(
  stage: string,
  template = readFileSync(new URL('../infra/hosting.yaml', import.meta.url), 'utf8'),
  parameters: Record<string, string> = spaRoutesParameters(),
): (event: { request: CloudFrontRequest }) => CloudFrontRequest {
  const code = spaRoutesFunctionCode(template).replace(/\$\{(\w+)\}/g, (_whole, name: string) => {
    if (name === 'ApiStage') return stage
    const value = parameters[name]
    if (value === undefined) throw new Error(`The function uses \${${name}}, which isn't given`)
    return value
  })
  const context: { handler?: unknown } = {}
  runInNewContext(code, context)
  if (typeof context.handler !== 'function') throw new Error('The function defines no handler')
  return context.handler as (event: { request: CloudFrontRequest }) => CloudFrontRequest
}

/**
 * A viewer request as CloudFront hands it to the function: the query string is
 * not in `uri`, header names are lower case, cookies are parsed.
 */
export function viewerRequest(
  uri: string,
  querystring: CloudFrontRequest['querystring'] = {},
  {
    acceptLanguage,
    cookies = {},
  }: { acceptLanguage?: string; cookies?: Record<string, string> } = {},
) {
  return {
    request: {
      method: 'GET',
      uri,
      querystring,
      headers: {
        host: { value: 'd111111abcdef8.cloudfront.net' },
        ...(acceptLanguage ? { 'accept-language': { value: acceptLanguage } } : {}),
      },
      cookies: Object.fromEntries(
        Object.entries(cookies).map(([name, value]) => [name, { value }]),
      ),
    },
  }
}
