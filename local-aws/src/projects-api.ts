/**
 * `/dev_1/projects` as deployed: API Gateway's Cognito authorizer, then the
 * Lambda over the table (projects-table.ts). Status codes, bodies and headers
 * follow ../../../shared/api-contract.md, quirks included.
 */
import { verifyApiToken, type CognitoContext } from './cognito/service.ts'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from './defaults.ts'
import { deleteItem, MalformedBody, putItem, scanToWire, updateName } from './projects-table.ts'
import type { LocalAwsState } from './state.ts'

/** API Gateway's own answers (authorizer, unknown method, Lambda failure) carry no CORS headers. */
function gatewayAnswer(status: number, body: string, errorType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-ErrorType': errorType,
      'x-amzn-RequestId': crypto.randomUUID(),
    },
  })
}

/** The Lambda's answer: CORS for any origin, but `Authorization` is not an allowed header. */
function lambdaAnswer(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'Content-Type',
      'x-amzn-RequestId': crypto.randomUUID(),
    },
  })
}

const WRITES = { POST: putItem, PUT: updateName, DELETE: deleteItem } as const
type Method = 'GET' | keyof typeof WRITES
const isMethod = (method: string): method is Method => method === 'GET' || method in WRITES

export interface ApiResult {
  response: Response
  /** Whether the state may have changed, so the caller persists it. */
  changed: boolean
}

export async function handleProjects(
  request: Request,
  state: LocalAwsState,
  cognito: CognitoContext,
): Promise<ApiResult> {
  const method = request.method.toUpperCase()
  // No such method on the resource (OPTIONS included: CORS isn't enabled on the API).
  if (!isMethod(method)) {
    const body = '{"message":"Missing Authentication Token"}'
    return {
      response: gatewayAnswer(403, body, 'MissingAuthenticationTokenException'),
      changed: false,
    }
  }
  const auth = await verifyApiToken(request.headers.get('authorization'), cognito, {
    userPoolId: DEFAULT_USER_POOL_ID,
    clientIds: [DEFAULT_CLIENT_ID],
  })
  if (!auth.ok) {
    const body = JSON.stringify({ message: auth.message })
    return { response: gatewayAnswer(401, body, 'UnauthorizedException'), changed: false }
  }
  if (method === 'GET') return { response: lambdaAnswer(scanToWire(state)), changed: false }
  try {
    WRITES[method](state, JSON.parse(await request.text()))
  } catch (error) {
    if (!(error instanceof MalformedBody) && !(error instanceof SyntaxError)) throw error
    cognito.log(
      `projects ${method} → 502 (${error instanceof MalformedBody ? error.message : 'the body is not JSON'})`,
    )
    // API Gateway's exact 502 body, space included.
    const body = '{"message": "Internal server error"}'
    return { response: gatewayAnswer(502, body, 'InternalServerErrorException'), changed: false }
  }
  return { response: lambdaAnswer(scanToWire(state)), changed: true }
}
