import type { APIRequestContext } from '@playwright/test'
import { DEFAULT_CLIENT_ID } from 'local-aws/defaults'
import { expect } from './fixtures'

/** The emulator, reached over HTTP on the app's origin as any client would. */

export const PASSWORD = 'Sunny-Day-42'

/** Every spec shares one emulator: a unique address keeps their users apart. */
export const uniqueEmail = (name: string) =>
  `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`

export async function cognito(request: APIRequestContext, operation: string, body: object) {
  const response = await request.post('/local-aws', {
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    data: JSON.stringify(body),
  })
  const answer = (await response.json()) as Record<string, unknown>
  expect(response.ok(), `${operation}: ${JSON.stringify(answer)}`).toBe(true)
  return answer
}

/** The newest code the emulator "e-mailed" to `email`. */
export async function latestCode(request: APIRequestContext, email: string): Promise<string> {
  const inbox = await request.get(`/local-aws/inbox?to=${encodeURIComponent(email)}`)
  const code = ((await inbox.json()) as { code: string }[]).at(-1)?.code
  expect(code, `a code in the inbox for ${email}`).toBeTruthy()
  return code ?? ''
}

/** A user signed up and confirmed with the e-mailed code, through Cognito's own API. */
export async function createConfirmedUser(
  request: APIRequestContext,
  email = uniqueEmail('e2e'),
): Promise<string> {
  await cognito(request, 'SignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  await cognito(request, 'ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    ConfirmationCode: await latestCode(request, email),
  })
  return email
}
