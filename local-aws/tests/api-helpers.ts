/** Calls /projects on the current test emulator, as the app (or curl) would. */
import { LOCAL_AWS_BASE_PATH } from '../src/defaults.ts'
import { localAws, LOCAL_ORIGIN } from './emulator.ts'

export const PROJECTS_URL = `${LOCAL_ORIGIN}${LOCAL_AWS_BASE_PATH}/dev_1/projects`

export async function callProjects(
  method: string,
  { token, body }: { token?: string | null; body?: unknown } = {},
): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('authorization', token)
  const response = await localAws().handle(
    new Request(PROJECTS_URL, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
  if (!response) throw new Error(`${method} /projects was not answered by the emulator`)
  return response
}

/** The CORS headers a browser would see on an answer. */
export function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries(
    [...response.headers].filter(([name]) => name.startsWith('access-control-')),
  )
}
