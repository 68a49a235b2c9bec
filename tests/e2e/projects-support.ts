import type { APIRequestContext, Page, Request } from '@playwright/test'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { expect } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD } from './local-aws'

/** Shared by the projects specs: a real user on the emulator, and a log of what the browser sent. */
export const API_PATH = '/local-aws/dev_1/projects'

/** Signs in through the app's own sign-in screen and lands on /projects. */
export async function signIn(page: Page, request: APIRequestContext) {
  const email = await createConfirmedUser(request)
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  // Let the page's own load finish, so no request of it is counted by what follows.
  await expect(page.getByRole('button', { name: 'Create project' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  return email
}

/**
 * Removes the list kept from the last visit (persisted-list.ts): the next
 * load is then a first visit's, which has nothing to show if the GET fails.
 */
export async function forgetKeptList(page: Page) {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('projects-console.list.')) localStorage.removeItem(key)
  })
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

/** Another person of the team: signed in through Cognito's admin API, using the API with their own IdToken. */
export async function someoneElse(request: APIRequestContext) {
  const email = await createConfirmedUser(request)
  const auth = await cognito(request, 'AdminInitiateAuth', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    ClientId: DEFAULT_CLIENT_ID,
    AuthFlow: 'ADMIN_NO_SRP_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  })
  const headers = { Authorization: (auth.AuthenticationResult as { IdToken: string }).IdToken }
  const table = async () =>
    (await (await request.get(API_PATH, { headers })).json()) as {
      'project-id': unknown
      name: string
    }[]
  return {
    ids: async () => (await table()).map((p) => Number(p['project-id'])),
    names: async () => (await table()).map((p) => p.name),
    idOf: async (name: string) =>
      Number((await table()).find((p) => p.name === name)?.['project-id']),
    delete: (id: number) => request.delete(API_PATH, { headers, data: { 'project-id': id } }),
  }
}
