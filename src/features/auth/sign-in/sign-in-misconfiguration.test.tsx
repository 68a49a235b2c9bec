import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../../../../tests/setup/auth'
import { COGNITO_ENDPOINT, server } from '../../../../tests/setup/local-aws'
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
}

/** The form's alert, with its note for whoever deployed the app. */
async function deployerAlert() {
  const alert = await screen.findByRole('alert')
  expect(within(alert).getByText('For whoever deployed this app')).toBeVisible()
  return alert
}

describe('an unreachable Cognito endpoint', () => {
  it('names VITE_COGNITO_ENDPOINT when the connection fails while the browser is online', async () => {
    expect(navigator.onLine).toBe(true)
    let attempts = 0
    server.use(
      http.post(COGNITO_ENDPOINT, () => {
        attempts += 1
        return HttpResponse.error()
      }),
    )
    await signInAs(await withSettings(), 'someone@example.com')
    const alert = await deployerAlert()
    expect(alert).toHaveTextContent(
      'The sign-in service can’t be reached. Check your connection and try again in a moment.',
    )
    expect(alert).toHaveTextContent(
      /No Cognito answered at the configured endpoint\. Check VITE_COGNITO_ENDPOINT/,
    )
    expect(alert).not.toHaveTextContent('You seem to be offline')
    expect(attempts).toBeGreaterThan(0)
    // Nothing was signed in: the form is still there to try again.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  })
})

/**
 * With no VITE_COGNITO_ENDPOINT, Amplify reaches Cognito at the region named by
 * the pool id's prefix. A pool id with the wrong region sends sign-in to a
 * Cognito where the app client doesn't exist, which answers as below. (With
 * VITE_COGNITO_ENDPOINT set, as with the emulator, the prefix plays no part:
 * requests go to that endpoint and SRP uses only the part after the underscore.)
 */
describe('a user pool id naming the wrong region', () => {
  const regional = (region: string) => `https://cognito-idp.${region}.amazonaws.com/`

  it('names VITE_USER_POOL_ID and its region when that region has no such app client', async () => {
    const hosts: string[] = []
    server.use(
      http.post(regional('us-west-2'), async ({ request }) => {
        hosts.push(new URL(request.url).host)
        const body = (await request.json()) as { ClientId?: string }
        const message = `User pool client ${body.ClientId ?? ''} does not exist.`
        return HttpResponse.json(
          { __type: 'ResourceNotFoundException', message },
          {
            status: 400,
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amzn-errortype': 'ResourceNotFoundException:',
              'x-amzn-errormessage': message,
            },
          },
        )
      }),
    )
    const app = await withSettings({
      VITE_USER_POOL_ID: 'us-west-2_L0calP00l',
      VITE_COGNITO_ENDPOINT: '',
    })
    await signInAs(app, 'someone@example.com')

    const alert = await deployerAlert()
    expect(alert).toHaveTextContent('Sign-in isn’t set up correctly on this site')
    expect(alert).toHaveTextContent(
      /VITE_USER_POOL_CLIENT_ID, and that VITE_USER_POOL_ID names the pool \(and region\)/,
    )
    // Amplify took the region from the pool id, as a deployed app would.
    expect(hosts[0]).toBe('cognito-idp.us-west-2.amazonaws.com')
  })

  it('names VITE_USER_POOL_ID as the source of the endpoint when the region does not exist', async () => {
    // A mistyped region has no Cognito endpoint at all: the connection fails.
    server.use(http.post(regional('us-weest-2'), () => HttpResponse.error()))
    const app = await withSettings({
      VITE_USER_POOL_ID: 'us-weest-2_L0calP00l',
      VITE_COGNITO_ENDPOINT: '',
    })
    await signInAs(app, 'someone@example.com')

    const alert = await deployerAlert()
    expect(alert).toHaveTextContent('The sign-in service can’t be reached.')
    expect(alert).toHaveTextContent(
      /VITE_COGNITO_ENDPOINT \(unset means the region of VITE_USER_POOL_ID\)/,
    )
  })
})
