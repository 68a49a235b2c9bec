/**
 * Cognito's JSON-protocol errors: HTTP 400, `__type` in the body and the same
 * name in `x-amzn-ErrorType`, so Amplify, the AWS SDK and the CLI all read it.
 */
export class CognitoError extends Error {
  readonly type: string
  readonly status: number

  constructor(type: string, message: string, status = 400) {
    super(message)
    this.name = type
    this.type = type
    this.status = status
  }
}

export const notAuthorized = (message: string) =>
  new CognitoError('NotAuthorizedException', message)
export const invalidParameter = (message: string) =>
  new CognitoError('InvalidParameterException', message)
export const resourceNotFound = (message: string) =>
  new CognitoError('ResourceNotFoundException', message)
export const userNotFound = (message = 'User does not exist.') =>
  new CognitoError('UserNotFoundException', message)

export const INCORRECT_CREDENTIALS = 'Incorrect username or password.'

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' }

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...JSON_HEADERS, 'x-amzn-RequestId': crypto.randomUUID() },
  })
}

export function errorResponse(error: CognitoError): Response {
  return new Response(JSON.stringify({ __type: error.type, message: error.message }), {
    status: error.status,
    headers: {
      ...JSON_HEADERS,
      'x-amzn-ErrorType': error.type,
      'x-amzn-RequestId': crypto.randomUUID(),
    },
  })
}
