import type { APIRequestContext, Page, Request } from '@playwright/test'
import { expect } from './fixtures'

/** Shared by the projects specs: a real user on the emulator, and a log of what the browser sent. */
const CLIENT_ID = 'l0ca1app5pac1ient000000000'
export const API_PATH = '/local-aws/dev_1/projects'
export const PASSWORD = 'Sunny-Day-42'

async function cognito(request: APIRequestContext, operation: string, body: object) {
  const response = await request.post('/local-aws', {
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    data: JSON.stringify(body),
  })
  expect(response.ok(), `${operation}: ${await response.text()}`).toBe(true)
}

/** Signs a new user up through the emulator's Cognito API, confirming with the e-mailed code. */
export async function createConfirmedUser(request: APIRequestContext): Promise<string> {
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
  await cognito(request, 'SignUp', {
    ClientId: CLIENT_ID,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  const inbox = await request.get(`/local-aws/inbox?to=${encodeURIComponent(email)}`)
  const entries = (await inbox.json()) as { code: string }[]
  const code = entries.at(-1)?.code
  expect(code, 'a confirmation code in the inbox').toBeTruthy()
  await cognito(request, 'ConfirmSignUp', {
    ClientId: CLIENT_ID,
    Username: email,
    ConfirmationCode: code,
  })
  return email
}

/** Signs in through the app's own sign-in screen and lands on /projects. */
export async function signIn(page: Page, request: APIRequestContext) {
  const email = await createConfirmedUser(request)
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  return email
}

export interface Sent {
  method: string
  body: unknown
}

/** Every request to the projects API and to Cognito (the emulator's endpoint), from now on. */
export function watchRequests(page: Page) {
  const api: Sent[] = []
  const cognitoCalls: string[] = []
  const listener = (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname === API_PATH) {
      api.push({
        method: request.method(),
        body: request.postData() ? request.postDataJSON() : undefined,
      })
    } else if (url.pathname === '/local-aws' || url.pathname === '/local-aws/') {
      cognitoCalls.push(request.headers()['x-amz-target'] ?? request.method())
    }
  }
  page.on('request', listener)
  return { api, cognito: cognitoCalls, stop: () => page.off('request', listener) }
}
