import type { Page } from '@playwright/test'
import { createLocalAws, memoryStore, type PoolSchema } from 'local-aws'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'

const BASE_PATH = '/local-aws'

/**
 * A pool of its own behind the page's `/local-aws`: a fresh emulator in the
 * test's process, made with `schema`, answers everything the app sends there
 * (Cognito, the API, the local inbox) in place of the server's. Cognito fixes
 * a pool's required attributes when the pool is made, so the servers' shared
 * pools can't be given them for one test; the app can't tell: it is the same
 * emulator, on the same origin, and the build is the server's own.
 */
export async function poolInFront(page: Page, schema: PoolSchema) {
  const emulator = createLocalAws({
    store: memoryStore(),
    basePath: BASE_PATH,
    schema,
    log: () => {},
  })
  await page.route(
    (url) => url.pathname === BASE_PATH || url.pathname.startsWith(`${BASE_PATH}/`),
    async (route) => {
      const request = route.request()
      const body = request.postDataBuffer()
      const answer = await emulator.handle(
        new Request(request.url(), {
          method: request.method(),
          headers: await request.allHeaders(),
          body: body === null ? undefined : new Uint8Array(body),
        }),
      )
      if (!answer) return route.fulfill({ status: 404 })
      await route.fulfill({
        status: answer.status,
        headers: Object.fromEntries(answer.headers),
        body: Buffer.from(await answer.arrayBuffer()),
      })
    },
  )

  /** An operation on this pool, as an administrator calls it. */
  async function cognito(operation: string, body: object) {
    const answer = await emulator.handle(
      // Any origin: an administrator's call needs no token issued for the page's.
      new Request(`http://admin.invalid${BASE_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(body),
      }),
    )
    const json = (await answer!.json()) as Record<string, unknown>
    if (!answer!.ok) throw new Error(`${operation}: ${JSON.stringify(json)}`)
    return json
  }

  return {
    cognito,
    /** The newest code this pool e-mailed to `email`. */
    latestCode: (email: string) =>
      emulator
        .inbox()
        .filter((entry) => entry.to === email)
        .at(-1)?.code,
    /** What the pool keeps for `email`. */
    async attributesOf(email: string) {
      const { UserAttributes } = (await cognito('AdminGetUser', {
        UserPoolId: DEFAULT_USER_POOL_ID,
        Username: email,
      })) as { UserAttributes: { Name: string; Value: string }[] }
      return Object.fromEntries(UserAttributes.map(({ Name, Value }) => [Name, Value]))
    },
  }
}
