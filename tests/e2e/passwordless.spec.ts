/**
 * Passwordless sign-in on a production build with
 * VITE_SIGN_IN_METHODS=passkey,email-code,password (and
 * VITE_SIGN_UP_ATTRIBUTES=name,phone_number), served on localhost with its
 * own emulator (playwright.config.ts, project "production"), with Chromium's
 * virtual authenticator standing in for the device's passkey store.
 */
import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext, Page } from '@playwright/test'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, uniqueEmail } from './local-aws'
import { virtualAuthenticator } from './webauthn-support'

test.beforeAll(async ({ playwright, baseURL }) => {
  // This server's own emulator: its pool allows passkeys and e-mailed codes for localhost.
  const request = await playwright.request.newContext({ baseURL })
  await cognito(request, 'UpdateUserPool', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } },
  })
  await cognito(request, 'SetUserPoolMfaConfig', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    MfaConfiguration: 'OFF',
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  })
  await request.dispose()
})

/** The newest sign-in or sign-up code the emulator e-mailed to `email`. */
async function codeFor(request: APIRequestContext, email: string, kind: string) {
  let code: string | undefined
  await expect(async () => {
    const inbox = await request.get(`/local-aws/inbox?to=${encodeURIComponent(email)}`)
    code = ((await inbox.json()) as { code: string; kind: string }[])
      .filter((entry) => entry.kind === kind)
      .at(-1)?.code
    expect(code).toBeTruthy()
  }).toPass()
  return code!
}

async function signUpWithoutPassword(page: Page, email: string) {
  await page.goto('/sign-up')
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeFocused()
  await expect(page.getByLabel('Password')).toHaveCount(0)
  await page.getByLabel('Email').fill(email)
  // This build asks for them (VITE_SIGN_UP_ATTRIBUTES), as its pool might require.
  await page.getByLabel('Full name').fill('Ada Lovelace')
  await page.getByLabel('Phone number').fill('+15555550123')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeFocused()
  await page.getByLabel('Sign-in code').fill(await codeFor(page.request, email, 'sign-up'))
  await page.keyboard.press('Enter')
}

async function addPasskeyFromOffer(page: Page) {
  await expect(page).toHaveURL(/\/account\?add-passkey=1/)
  await expect(page.getByText('Add a passkey now')).toBeVisible()
  await page.getByRole('button', { name: 'Add a passkey' }).click()
  await expect(page).toHaveURL(/\/projects$/)
}

async function signOut(page: Page) {
  await page
    .getByRole('navigation', { name: 'Your account' })
    .getByRole('button', { name: 'Sign out' })
    .click()
  await expect(page).toHaveURL(/\/sign-in/)
}

async function startSignIn(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Continue' }).click()
}

test('signs up without a password, adds a passkey, signs out and signs in with it', async ({
  page,
}) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page)
  const email = uniqueEmail('passkey')
  await signUpWithoutPassword(page, email)
  await addPasskeyFromOffer(page)
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(credentials).toHaveLength(1)
  expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' })

  await page.goto('/account')
  const list = page.getByRole('list').filter({ hasText: 'Passkey' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('kept by this device or its account')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  await signOut(page)
  await startSignIn(page, email)
  // The passkey is asked for at once; the virtual authenticator answers it.
  await expect(page).toHaveURL(/\/projects$/)
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(after.credentials[0]!.signCount).toBeGreaterThan(credentials[0]!.signCount)
})

test('signs in with an e-mailed code, after a wrong one', async ({ page }) => {
  const email = uniqueEmail('code')
  await cognito(page.request, 'SignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  await cognito(page.request, 'ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    ConfirmationCode: await codeFor(page.request, email, 'sign-up'),
  })

  await startSignIn(page, email)
  // No passkey and no password: the e-mailed code is the only way, so it is sent at once.
  await expect(page.getByRole('heading', { name: 'Enter the code we e-mailed' })).toBeFocused()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  const code = await codeFor(page.request, email, 'sign-in')
  await page.getByLabel('Sign-in code').fill(code === '00000000' ? '11111111' : '00000000')
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Sign-in code')).toBeFocused()
  await expect(page.getByText('That code is wrong.')).toBeVisible()

  await page.getByLabel('Sign-in code').fill(code)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/projects$/)
})

test('a cancelled passkey prompt says so and leaves the other ways open; a passkey can be removed', async ({
  page,
}) => {
  const { cdp, authenticatorId } = await virtualAuthenticator(page)
  const email = uniqueEmail('cancel')
  await signUpWithoutPassword(page, email)
  await addPasskeyFromOffer(page)
  await signOut(page)

  // The user turns the prompt down: the authenticator can't verify them.
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false })
  await startSignIn(page, email)
  await expect(page.getByRole('heading', { name: 'How do you want to sign in?' })).toBeVisible()
  await expect(page.getByText('The passkey prompt was closed or timed out.')).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  await page.getByRole('button', { name: 'E-mail me a sign-in code' }).click()
  await page.getByLabel('Sign-in code').fill(await codeFor(page.request, email, 'sign-in'))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/projects$/)

  await page.goto('/account')
  await page.getByRole('button', { name: /^Remove Passkey/ }).click()
  await expect(page.getByText('This is your last passkey.')).toBeFocused()
  await expect(page.getByText('a code e-mailed to you')).toBeVisible()
  await page.getByRole('button', { name: 'Yes, remove it' }).click()
  await expect(page.getByText('You have no passkey yet.')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Passkey removed.' })).toBeVisible()

  // Removed for Cognito too: the browser's passkey no longer signs in.
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: true })
  await signOut(page)
  await startSignIn(page, email)
  await expect(page.getByRole('heading', { name: 'Enter the code we e-mailed' })).toBeVisible()
})

test('the passwordless screens work in Japanese', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
  await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible()
  await expect(page.getByRole('button', { name: '次へ' })).toBeVisible()
})

test('a returning user downloads none of the passkey or USER_AUTH code', async ({
  page,
  browser,
}) => {
  await virtualAuthenticator(page)
  const email = uniqueEmail('returning')
  await signUpWithoutPassword(page, email)
  await addPasskeyFromOffer(page)

  const returning = await browser.newContext({ storageState: await page.context().storageState() })
  const again = await returning.newPage()
  const scripts: { url: string; body: string }[] = []
  again.on('response', async (response) => {
    if (!response.url().endsWith('.js') || response.status() !== 200) return
    scripts.push({ url: response.url(), body: (await response.body()).toString() })
  })
  await again.goto('/projects')
  await expect(again.getByRole('banner').getByText(email)).toBeVisible()
  await again.waitForLoadState('networkidle')
  // Amplify's passkey and choice-based sign-in code, and the passwordless screens' own strings.
  // (Operation names such as StartWebAuthnRegistration are in Amplify's shared
  // enum of actions, in every chunk that talks to Cognito: not a marker.)
  const markers = [
    'CREDENTIAL_REQUEST_OPTIONS',
    'PasskeyAuthenticationCanceled',
    'E-mail me a sign-in code',
    'kept by this device or its account',
  ]
  const found = scripts.flatMap((s) =>
    markers.filter((marker) => s.body.includes(marker)).map((marker) => `${s.url}: ${marker}`),
  )
  expect(found).toEqual([])
  expect(scripts.length).toBeGreaterThan(0)

  // The account page loads its passkey section, and with it that code.
  await again.goto('/account')
  await expect(again.getByRole('heading', { name: 'Passkeys' })).toBeVisible()
  expect(scripts.some((s) => s.body.includes('kept by this device or its account'))).toBe(true)
  await returning.close()
})
