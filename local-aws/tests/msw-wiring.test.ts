// @vitest-environment jsdom
// Runs in jsdom on purpose: this is how the app's own code reaches the emulator in component tests.
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  COGNITO_ENDPOINT,
  createUser,
  latestCode,
  localAws,
  projects,
  resetLocalAws,
  seedProjects,
  server,
  signIn,
} from './emulator.ts'

const PASSWORD = 'Correct-horse-1'

describe('the emulator behind msw, as the app sees it in component tests', () => {
  it('answers Cognito at the endpoint itself, with the code in the inbox', async () => {
    const response = await fetch(COGNITO_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
      },
      body: JSON.stringify({
        ClientId: localAws().config('http://localhost:3000').clientId,
        Username: 'ada@example.com',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
      }),
    })
    expect(response.status).toBe(200)
    expect(latestCode('ada@example.com')).toMatch(/^\d{6}$/)

    const inbox = await (await fetch('/local-aws/inbox?to=ADA@example.com')).json()
    expect(inbox).toEqual([
      expect.objectContaining({
        to: 'ada@example.com',
        kind: 'sign-up',
        code: latestCode('ada@example.com'),
      }),
    ])
  })

  it('serves the API on a relative URL, as the app calls it', async () => {
    await createUser({ email: 'ada@example.com', password: PASSWORD })
    const { IdToken } = await signIn('ada@example.com', PASSWORD)
    await seedProjects([{ 'project-id': 3, name: 'Seeded', 'is-default': true }])
    const response = await fetch('/local-aws/dev_1/projects', {
      headers: { Authorization: IdToken },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(projects())
    // 3 is one of the ids that come back in exponent notation, as the contract warns.
    expect(projects()).toEqual([{ 'project-id': '0.3e1', name: 'Seeded', 'is-default': true }])
  })

  it('starts every test with an empty emulator', () => {
    expect(localAws().inbox()).toEqual([])
    expect(projects()).toEqual([])
  })

  it('lets a test override one endpoint with server.use()', async () => {
    server.use(
      http.get('http://localhost:3000/local-aws/dev_1/projects', () =>
        HttpResponse.json({}, { status: 500 }),
      ),
    )
    expect((await fetch('/local-aws/dev_1/projects')).status).toBe(500)
  })

  it('lets a test swap in an emulator with its own clock', async () => {
    let now = Date.UTC(2030, 0, 1)
    resetLocalAws({ now: () => now })
    await createUser({ email: 'ada@example.com', password: PASSWORD, confirmed: false })
    now += 60_000
    await createUser({ email: 'bob@example.com', password: PASSWORD, confirmed: false })
    expect(
      localAws()
        .inbox()
        .map((entry) => entry.sentAt),
    ).toEqual([Date.UTC(2030, 0, 1), Date.UTC(2030, 0, 1) + 60_000])
  })
})
