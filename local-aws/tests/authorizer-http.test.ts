// @vitest-environment node
/**
 * What the app meets when API Gateway's authorizer refuses a request: the
 * status, the exact body, and no CORS headers at all (the browser can't read
 * these answers cross-origin, which is why the app calls the API same-origin).
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { cognito, createUser, localAws, resetLocalAws, signIn } from './emulator.ts'
import { callProjects, corsHeaders, PROJECTS_URL } from './api-helpers.ts'

const PASSWORD = 'Correct-horse-1'

async function tokens() {
  await createUser({ email: 'ada@example.com', password: PASSWORD })
  return signIn('ada@example.com', PASSWORD)
}

async function expectRefused(token: string | null, message: string) {
  const response = await callProjects('GET', { token })
  expect(response.status).toBe(401)
  expect(await response.text()).toBe(JSON.stringify({ message }))
  expect(corsHeaders(response)).toEqual({})
}

describe('the /projects authorizer', () => {
  it('refuses a request without Authorization', async () => {
    await expectRefused(null, 'Unauthorized')
  })

  it('refuses garbage', async () => {
    await expectRefused('not-a-jwt', 'Unauthorized')
  })

  it('refuses an AccessToken', async () => {
    await expectRefused((await tokens()).AccessToken, 'Unauthorized')
  })

  it("refuses an IdToken of another app client of the pool: the API's authorizer names the app's", async () => {
    await createUser({ email: 'ada@example.com', password: PASSWORD })
    const created = (await cognito('CreateUserPoolClient', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ClientName: 'another-app',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    })) as { UserPoolClient: { ClientId: string } }
    const answer = (await cognito('AdminInitiateAuth', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      ClientId: created.UserPoolClient.ClientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD },
    })) as { AuthenticationResult: { IdToken: string } }
    await expectRefused(answer.AuthenticationResult.IdToken, 'Unauthorized')
  })

  it('refuses an IdToken whose claims were edited after signing', async () => {
    const [header, payload = '', signature] = (await tokens()).IdToken.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >
    const edited = Buffer.from(JSON.stringify({ ...claims, email: 'admin@example.com' })).toString(
      'base64url',
    )
    await expectRefused(`${header}.${edited}.${signature}`, 'Unauthorized')
  })

  it('refuses an IdToken signed by another key, even with the same issuer and user', async () => {
    const foreign = await tokens()
    resetLocalAws() // same origin, pool id and client id, but a key pair of its own
    const own = await tokens()
    expect((await callProjects('GET', { token: own.IdToken })).status).toBe(200)
    await expectRefused(foreign.IdToken, 'Unauthorized')
  })

  it('refuses a write before reading its body: a refused POST changes nothing', async () => {
    const response = await callProjects('POST', {
      token: 'garbage',
      body: { 'project-id': 1, name: 'X' },
    })
    expect(response.status).toBe(401)
    const { IdToken } = await tokens()
    expect(await (await callProjects('GET', { token: IdToken })).json()).toEqual([])
  })

  it('lets an IdToken through for its hour, then answers "The incoming token has expired"', async () => {
    let now = Date.now()
    resetLocalAws({ now: () => now })
    const { IdToken } = await tokens()
    now += 59 * 60_000
    expect((await callProjects('GET', { token: IdToken })).status).toBe(200)
    now += 2 * 60_000
    await expectRefused(IdToken, 'The incoming token has expired')
  })

  it('answers 403 to a preflight, with no CORS headers: the API has no OPTIONS method', async () => {
    const response = await localAws().handle(
      new Request(PROJECTS_URL, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://elsewhere.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      }),
    )
    expect(response?.status).toBe(403)
    expect(corsHeaders(response!)).toEqual({})
  })
})
