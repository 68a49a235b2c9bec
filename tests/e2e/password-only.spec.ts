/**
 * The default build (VITE_SIGN_IN_METHODS unset, i.e. `password`) is the app as
 * it was before passwordless sign-in existed: the same screens, the same SRP
 * sign-in, and none of the passwordless code downloaded or run. The
 * passwordless build is tested on its own (passwordless.spec.ts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'

/** The reviewed ARIA snapshots of the password screens (aria-snapshots.spec.ts keeps them). */
const reviewed = (name: string) =>
  readFileSync(join(import.meta.dirname, 'aria-snapshots.spec.ts-snapshots', name), 'utf8')

/**
 * Texts found only in the passwordless screens, the account page's passkey
 * section and src/lib/passwordless.ts (Amplify's passkey registration).
 * Amplify's own sign-in code names USER_AUTH and WebAuthn too, for every
 * flow, so those names are no marker here.
 */
const PASSWORDLESS_MARKERS = [
  'E-mail me a sign-in code',
  'No password needed',
  'kept by this device or its account',
  'credentials.create',
]

interface CognitoCall {
  operation: string
  body: Record<string, unknown>
}

/** Every Cognito call the page makes, and every script it downloads. */
function watch(page: Page) {
  const calls: CognitoCall[] = []
  const scripts: { url: string; body: string }[] = []
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target']
    if (!target?.startsWith('AWSCognitoIdentityProviderService.')) return
    calls.push({
      operation: target.split('.')[1]!,
      body: JSON.parse(request.postData() ?? '{}') as Record<string, unknown>,
    })
  })
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.endsWith('.js') || response.status() !== 200) return
    scripts.push({
      url: new URL(response.url()).pathname,
      body: (await response.body()).toString(),
    })
  })
  return { calls, scripts }
}

/** Counts the page's calls to the browser's passkey API (navigator.credentials). */
async function countCredentialCalls(page: Page) {
  await page.addInitScript(() => {
    const calls: string[] = []
    Object.assign(window, { credentialCalls: calls })
    const { credentials } = navigator
    for (const method of ['get', 'create'] as const) {
      const original = credentials[method].bind(credentials)
      credentials[method] = (options?: CredentialRequestOptions & CredentialCreationOptions) => {
        calls.push(method)
        return original(options)
      }
    }
  })
  return () =>
    page.evaluate(() => (window as unknown as { credentialCalls: string[] }).credentialCalls)
}

test('with only passwords allowed, the screens, the sign-in flow and the downloads are as before passwordless existed', async ({
  page,
}) => {
  // The markers are real: the build has these texts, in chunks this build must never load.
  const built = readdirSync('dist/assets')
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join('dist/assets', file), 'utf8'))
  for (const marker of PASSWORDLESS_MARKERS) {
    expect(
      built.some((body) => body.includes(marker)),
      marker,
    ).toBe(true)
  }

  const { calls, scripts } = watch(page)
  const credentialCalls = await countCredentialCalls(page)

  await page.goto('/sign-up')
  await expect(page.locator('h1')).toBeFocused()
  await expect(page.locator('main')).toMatchAriaSnapshot(reviewed('sign-up-en.aria.yml'))
  // Amplify loads once the page is idle: its scripts are read before the page goes.
  await page.waitForLoadState('networkidle')

  await page.goto('/sign-in')
  await expect(page.locator('h1')).toBeFocused()
  await expect(page.locator('main')).toMatchAriaSnapshot(reviewed('sign-in-en.aria.yml'))
  await expect(page.getByLabel('Email')).toHaveAttribute('autocomplete', 'username')
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveAttribute(
    'autocomplete',
    'current-password',
  )

  const email = await createConfirmedUser(page.request, uniqueEmail('password-only'))
  await page.getByLabel('Email').fill(email)
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await page.waitForLoadState('networkidle')

  // Even when asked for the offer that follows a passwordless sign-up, the account page has no passkeys.
  await page.goto('/account?add-passkey=1')
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('heading', { name: 'Passkeys' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add a passkey' })).toHaveCount(0)

  // Sign-in went through SRP as it always has: USER_AUTH was never asked for.
  const starts = calls.filter((call) => call.operation === 'InitiateAuth')
  expect(starts.map((call) => call.body.AuthFlow)).toEqual(['USER_SRP_AUTH'])
  expect(calls.filter((call) => JSON.stringify(call.body).includes('USER_AUTH'))).toEqual([])
  expect(calls.map((call) => call.operation)).not.toContain('ListWebAuthnCredentials')

  expect(await credentialCalls()).toEqual([])
  expect(scripts.length).toBeGreaterThan(0)
  const passwordlessCode = scripts.flatMap((script) =>
    PASSWORDLESS_MARKERS.filter((marker) => script.body.includes(marker)).map(
      (marker) => `${script.url}: ${marker}`,
    ),
  )
  expect(passwordlessCode).toEqual([])
  expect(
    scripts.map((script) => script.url).filter((url) => /passwordless|passkey/i.test(url)),
  ).toEqual([])
})
