import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'

export interface CloudFrontRequest {
  method: string
  uri: string
  querystring: Record<string, { value: string }>
  headers: Record<string, { value: string }>
  cookies: Record<string, { value: string }>
}

/**
 * The viewer-request function of infra/hosting.yaml, as CloudFront would run it
 * for a stack deployed with `ApiStage=stage`: its code is taken from the template,
 * the stage substituted as `!Sub` does, and evaluated in a context with none of
 * Node's globals (CloudFront's runtime has no require, process or Buffer).
 */
export function loadSpaRoutesFunction(
  stage: string,
  template = readFileSync('infra/hosting.yaml', 'utf8'),
): (event: { request: CloudFrontRequest }) => CloudFrontRequest {
  const block = /\n {6}FunctionCode: (?:!Sub )?\|\n((?: {8}.*\n|\n)+)/.exec(template)?.[1]
  if (!block) throw new Error('infra/hosting.yaml has no `FunctionCode: |` block')
  const code = block.replace(/^ {8}/gm, '').replace(/\$\{(\w+)\}/g, (_whole, name: string) => {
    if (name === 'ApiStage') return stage
    throw new Error(`The function uses \${${name}}, which this test doesn't substitute`)
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
