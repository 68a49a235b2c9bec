import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { createVerifiedUser, TEST_PASSWORD } from '../../../../tests/setup/auth'
import { cognito, COGNITO_ENDPOINT, resetLocalAws, server } from '../../../../tests/setup/local-aws'
import {
  restoreSettings,
  withSettings,
  type AppWithSettings,
} from '../../../../tests/setup/settings'

// Each test runs the app as built with its settings (the defaults unless it sets some).
afterEach(restoreSettings)

async function signInAs(app: AppWithSettings, email: string, password = TEST_PASSWORD) {
  const { user } = app.renderApp({ route: '/sign-in' })
  await user.type(await screen.findByLabelText('Email'), email)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  return user
}

async function newClient(options: object): Promise<string> {
  const { UserPoolClient } = await cognito<{ UserPoolClient: { ClientId: string } }>(
    'CreateUserPoolClient',
    { UserPoolId: DEFAULT_USER_POOL_ID, ClientName: 'misconfigured', ...options },
  )
  return UserPoolClient.ClientId
}

/** The form's alert, and the setting it tells whoever deployed the app to fix. */
async function expectMisconfiguration(setting: RegExp) {
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Sign-in isn’t set up correctly on this site')
  expect(within(alert).getByText('For whoever deployed this app')).toBeVisible()
  expect(alert).toHaveTextContent(setting)
  expect(alert.parentElement).toHaveFocus()
}

describe('sign-in problems a deployer must fix', () => {
  it('names the app client setting when the client has a secret', async () => {
    const app = await withSettings({
      VITE_USER_POOL_CLIENT_ID: await newClient({ GenerateSecret: true }),
    })
    await signInAs(app, 'someone@example.com')
    await expectMisconfiguration(/client secret.*VITE_USER_POOL_CLIENT_ID/)
  })

  it('names the auth flow settings when SRP is not enabled on the client', async () => {
    const app = await withSettings({
      VITE_USER_POOL_CLIENT_ID: await newClient({
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    })
    await signInAs(app, 'someone@example.com')
    await expectMisconfiguration(/ALLOW_USER_SRP_AUTH.*VITE_AUTH_FLOW/)
  })

  it('names the auth flow settings when USER_PASSWORD_AUTH is asked for but disabled', async () => {
    const app = await withSettings({
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      VITE_USER_POOL_CLIENT_ID: await newClient({
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    })
    await signInAs(app, 'someone@example.com')
    await expectMisconfiguration(/VITE_AUTH_FLOW/)
  })

  it('signs in with USER_PASSWORD_AUTH when the settings ask for it and the client allows it', async () => {
    const { email } = await createVerifiedUser()
    const app = await withSettings({
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      VITE_USER_POOL_CLIENT_ID: await newClient({
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    })
    await signInAs(app, email)
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeVisible()
  })

  it('names the client id when the client does not exist', async () => {
    const app = await withSettings({ VITE_USER_POOL_CLIENT_ID: 'no5such5client5000000000000' })
    await signInAs(app, 'someone@example.com')
    await expectMisconfiguration(/VITE_USER_POOL_CLIENT_ID/)
  })

  it('names the pool id when the pool does not exist', async () => {
    const { email } = await createVerifiedUser()
    const app = await withSettings({ VITE_USER_POOL_ID: 'local-1_N0SuchP00l' })
    await signInAs(app, email)
    await expectMisconfiguration(/The user pool doesn’t exist. Check VITE_USER_POOL_ID/)
  })

  it('names the endpoint when something other than Cognito answers', async () => {
    server.use(
      http.post(COGNITO_ENDPOINT, () => new HttpResponse('<h1>Not found</h1>', { status: 404 })),
    )
    await signInAs(await withSettings(), 'someone@example.com')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The sign-in service can’t be reached.')
    expect(alert).toHaveTextContent(/VITE_COGNITO_ENDPOINT/)
  })
})

describe('sign-in problems a user can fix', () => {
  it('says the network is down when the browser is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    server.use(http.post(COGNITO_ENDPOINT, () => HttpResponse.error()))
    await signInAs(await withSettings(), 'someone@example.com')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You seem to be offline. Check your connection, then try again.',
    )
  })

  it('says to wait after too many wrong passwords', async () => {
    // The emulator's clock stands still, so its first lockout (1 s) can't run out
    // before the form is sent, however slow the machine.
    const frozen = Date.now()
    resetLocalAws({ now: () => frozen })
    const { email } = await createVerifiedUser()
    const app = await withSettings()
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await app.signInWithPassword(email, 'Wrong-Password-1').catch(() => undefined)
    }
    await signInAs(app, email, 'Wrong-Password-1')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Wait a few minutes, then try again.',
    )
  })
})
