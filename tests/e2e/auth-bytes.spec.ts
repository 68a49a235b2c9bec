import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'
import { poolMfa, signInWith, totpCode, userWithFactors } from './mfa-support'

/** A text of uqr, the QR code library, which only the authenticator-app set-up may load. */
const QR_MARKER = 'Mask value out of range'

/** Texts only the auth screens' code contains: if a chunk holds one, it is auth-screen code. */
const AUTH_SCREEN_MARKERS = [
  'Forgot your password?',
  'Confirm your email',
  'Choose a new password',
  'Show password',
  'one-time-code',
  // Amplify's SRP maths (the HKDF label of Cognito's password verifier), loaded
  // with the auth screens through src/lib/auth-flows.ts.
  'Caldera Derived Key',
  // The steps after the password (MFA codes, set-up), and the account page's MFA section.
  'Enter your sign-in code',
  'Set up an authenticator app',
  QR_MARKER,
  // The fields VITE_SIGN_UP_ATTRIBUTES adds to the sign-up screens (in every build's code).
  'Preferred user name',
]

/**
 * Texts only the remembered-devices code contains: the account page's section
 * and src/lib/devices.ts, with Amplify's device calls.
 */
const DEVICE_MARKERS = ['Browsers you sign in with', 'dev:device_remembered_status']

/** What a returning user's visit may weigh, gzipped JS+CSS: the goal; 146.0 kB when this was set. */
const RETURNING_VISIT_BUDGET = 150_000
/** What a first visit to /sign-in may weigh, gzipped JS+CSS: 166.1 kB when this was set. */
const SIGN_IN_VISIT_BUDGET = 170_000

interface Asset {
  url: string
  body: Buffer
}

/** Records every JS and CSS file the page downloads. */
function recordAssets(page: Page): Asset[] {
  const assets: Asset[] = []
  page.on('response', async (response) => {
    const url = new URL(response.url())
    if (!/\.(js|css)$/.test(url.pathname)) return
    assets.push({ url: url.pathname, body: await response.body() })
  })
  return assets
}

/** Gzipped bytes (level 9, as a CDN would serve them) of the assets a production build would load. */
function gzippedBytes(assets: Asset[]) {
  // The local-mode banner exists only in emulator builds like this one.
  const production = assets.filter((asset) => !asset.url.includes('/local-'))
  return production.reduce((sum, asset) => sum + gzipSync(asset.body, { level: 9 }).length, 0)
}

test('a returning signed-in user on /projects downloads no auth-screen code', async ({
  browser,
  page,
}) => {
  const first = recordAssets(page)
  await page.goto('/sign-in')
  await expect(page.locator('h1')).toHaveText('Sign in')
  await page.waitForLoadState('networkidle')
  const signInBytes = gzippedBytes(first)
  expect(first.some((asset) => asset.body.toString().includes('Forgot your password?'))).toBe(true)

  const email = await createConfirmedUser(page.request, uniqueEmail('bytes'))
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('form button[type=submit]').click()
  await expect(page).toHaveURL(/\/projects$/)

  // A later visit: same stored session, empty cache.
  const returning = await browser.newContext({ storageState: await page.context().storageState() })
  const again = await returning.newPage()
  const assets = recordAssets(again)
  await again.goto('/projects')
  await expect(again.getByRole('banner').getByText(email)).toBeVisible()
  await again.waitForLoadState('networkidle')
  const projectsBytes = gzippedBytes(assets)

  const authCode = assets.filter((asset) =>
    AUTH_SCREEN_MARKERS.some((marker) => asset.body.toString().includes(marker)),
  )
  expect(authCode.map((asset) => asset.url)).toEqual([])
  await expect(again).toHaveURL(/\/projects$/)
  await returning.close()
  expect(projectsBytes).toBeLessThan(RETURNING_VISIT_BUDGET)
  expect(signInBytes).toBeLessThan(SIGN_IN_VISIT_BUDGET)

  const report = `first visit to /sign-in: ${signInBytes} B gzipped JS+CSS; returning visit to /projects: ${projectsBytes} B`
  test.info().annotations.push({ type: 'bytes', description: report })
  console.log(report)
})

test('a returning user of a pool that remembers devices downloads no device code until the account page', async ({
  browser,
  page,
  request,
}) => {
  // Every browser remembered: the sign-in below leaves this one's device keys in storage.
  await cognito(request, 'UpdateUserPool', {
    UserPoolId,
    DeviceConfiguration: {
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: false,
    },
  })
  try {
    const email = await createConfirmedUser(request, uniqueEmail('device-bytes'))
    await page.goto('/sign-in')
    await signInWith(page, email, PASSWORD, 'en')
    await expect(page).toHaveURL(/\/projects$/)

    const returning = await browser.newContext({
      storageState: await page.context().storageState(),
    })
    const again = await returning.newPage()
    const assets = recordAssets(again)
    const deviceCode = () =>
      assets.filter((asset) => DEVICE_MARKERS.some((m) => asset.body.toString().includes(m)))
    await again.goto('/projects')
    await expect(again.getByRole('banner').getByText(email)).toBeVisible()
    await again.waitForLoadState('networkidle')
    expect(deviceCode().map((asset) => asset.url)).toEqual([])

    // The account page brings the devices section and Amplify's device calls.
    await again
      .getByRole('banner')
      .getByRole('link', { name: /^Account:/ })
      .click()
    const section = again.getByRole('region', { name: 'Browsers you sign in with' })
    await expect(section.getByRole('listitem')).toHaveCount(1)
    expect(deviceCode().length).toBeGreaterThan(0)
    const report = `devices code on the account page: ${gzippedBytes(deviceCode())} B gzipped`
    test.info().annotations.push({ type: 'bytes', description: report })
    console.log(report)
    await returning.close()
  } finally {
    await cognito(request, 'UpdateUserPool', { UserPoolId, DeviceConfiguration: {} })
  }
})

test('the QR code library downloads only with the authenticator-app set-up', async ({
  page,
  request,
}) => {
  await poolMfa(request, 'OPTIONAL', { totp: true })
  try {
    const assets = recordAssets(page)
    const qrCode = () => assets.filter((asset) => asset.body.toString().includes(QR_MARKER))
    const { email, key } = await userWithFactors(request, 'qr-bytes', { totp: true })
    await page.goto('/account')
    await signInWith(page, email, PASSWORD, 'en')
    // A sign-in code step, then the account page with its MFA section: no QR code yet.
    await expect(page.getByRole('heading', { name: 'Enter your sign-in code' })).toBeFocused()
    await page.getByLabel('6-digit code').fill(await totpCode(request, key))
    await page.getByRole('button', { name: 'Verify' }).click()
    const section = page.getByRole('region', { name: 'Two-step sign-in' })
    await expect(section).toContainText('Authenticator app: On')
    await page.waitForLoadState('networkidle')
    expect(qrCode().map((asset) => asset.url)).toEqual([])

    // Turned off, then set up again: the set-up screen brings the QR code.
    await section.getByRole('button', { name: 'Turn off Authenticator app' }).click()
    await section.getByRole('button', { name: 'Set up an authenticator app' }).click()
    await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible()
    await expect.poll(() => qrCode().length).toBe(1)
    const report = `QR code chunk: ${gzippedBytes(qrCode())} B gzipped`
    test.info().annotations.push({ type: 'bytes', description: report })
    console.log(report)
  } finally {
    await poolMfa(request, 'OFF')
  }
})
