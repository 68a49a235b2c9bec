/**
 * Sign-in with the pool's identity providers, through its domain, in local
 * mode: the emulator is both the pool's domain (over https on the app's own
 * port, as Amplify calls it) and the providers' sign-in pages. The app is
 * browsed on localhost, as Cognito allows plain http only there; its callback
 * and sign-out pages are added to the client's URLs, as a deployer would.
 */
import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext, Page, Route } from '@playwright/test'
import {
  DEFAULT_CLIENT_ID as ClientId,
  DEFAULT_USER_POOL_ID as UserPoolId,
} from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, uniqueEmail } from './local-aws'

// The emulator's certificate is made at its start, and no browser trusts it.
test.use({ ignoreHTTPSErrors: true })

const origin = `http://localhost:${process.env.E2E_PORT}`

const UI = {
  en: {
    google: 'Continue with Google',
    acme: 'Continue with AcmeCorp',
    projects: 'Projects',
    account: 'Your account',
    changePassword: 'Change your password',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
    apiRefused: 'The server no longer accepts your session.',
    signIn: 'Sign in',
    backToSignIn: 'Back to sign in',
    cancelled: 'You cancelled the sign-in. Nothing was changed.',
    state: 'This sign-in could not be verified',
    signedInWith: (name: string) => `Signed in with ${name}`,
  },
  ja: {
    google: 'Google で続行',
    acme: 'AcmeCorp で続行',
    projects: 'プロジェクト',
    account: 'アカウント',
    changePassword: 'パスワードの変更',
    signOut: 'サインアウト',
    signedOut: 'サインアウトしました。',
    apiRefused: 'サーバーがセッションを受け付けなくなりました。',
    signIn: 'サインイン',
    backToSignIn: 'サインインに戻る',
    cancelled: 'サインインをキャンセルしました。何も変更されていません。',
    state: 'このサインインを確認できませんでした',
    signedInWith: (name: string) => `${name} でサインインしています`,
  },
}
type Language = keyof typeof UI

/** What a client's description holds that UpdateUserPoolClient takes back (it resets what it isn't given). */
const UPDATABLE = [
  'ClientName',
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'AuthSessionValidity',
  'RefreshTokenRotation',
]

/** The app's pages on this origin in the client's URLs, and `providers` among its providers. */
async function allowThisApp(request: APIRequestContext, providers: string[] = []) {
  const { UserPoolClient } = (await cognito(request, 'DescribeUserPoolClient', {
    UserPoolId,
    ClientId,
  })) as { UserPoolClient: Record<string, unknown> }
  const plus = (key: string, items: string[]) => [
    ...new Set([...((UserPoolClient[key] as string[] | undefined) ?? []), ...items]),
  ]
  await cognito(request, 'UpdateUserPoolClient', {
    ...Object.fromEntries(
      UPDATABLE.filter((key) => key in UserPoolClient).map((key) => [key, UserPoolClient[key]]),
    ),
    UserPoolId,
    ClientId,
    CallbackURLs: plus('CallbackURLs', [`${origin}/oauth/callback`]),
    LogoutURLs: plus('LogoutURLs', [`${origin}/sign-in`]),
    SupportedIdentityProviders: plus('SupportedIdentityProviders', providers),
  })
}

/** A company's OIDC provider on the pool, as `aws cognito-idp create-identity-provider` makes one. */
async function addAcmeCorp(request: APIRequestContext) {
  const existing = await request.post('/local-aws', {
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeIdentityProvider',
    },
    data: JSON.stringify({ UserPoolId, ProviderName: 'AcmeCorp' }),
  })
  if (!existing.ok()) {
    await cognito(request, 'CreateIdentityProvider', {
      UserPoolId,
      ProviderName: 'AcmeCorp',
      ProviderType: 'OIDC',
      ProviderDetails: {
        client_id: 'acme',
        client_secret: 'local',
        authorize_scopes: 'openid email',
        oidc_issuer: 'https://idp.acme.example',
        attributes_request_method: 'GET',
      },
      AttributeMapping: { email: 'email' },
    })
  }
  await allowThisApp(request, ['AcmeCorp'])
}

/** At the provider's stand-in page: types an email and continues, as a user signing in there. */
async function continueAtProvider(page: Page, provider: string, email: string) {
  await expect(page).toHaveTitle(`${provider} (local emulator)`)
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

async function startAt(page: Page, language: Language, path = '/sign-in') {
  await page.addInitScript((code) => localStorage.setItem('language', code), language)
  await page.goto(`${origin}${path}`)
}

for (const language of ['en', 'ja'] as const) {
  const t = UI[language]

  test(`${language}: Continue with Google, the provider's page, then the page the user was going to, with the API accepting the IdToken`, async ({
    page,
    request,
  }) => {
    await allowThisApp(request)
    const email = uniqueEmail('google')
    await startAt(page, language, '/account')
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/)
    await page.getByRole('button', { name: t.google }).click()
    await continueAtProvider(page, 'Google', email)

    await expect(page.getByRole('heading', { name: t.account, level: 1 })).toBeVisible()
    await expect(page).toHaveURL(`${origin}/account`)
    await expect(page.getByText(t.signedInWith('Google'))).toBeVisible()
    // Cognito made a user for the provider: no password to change here.
    await expect(page.getByRole('heading', { name: t.changePassword })).toHaveCount(0)
    await expect(page.getByRole('banner').getByRole('link', { name: email })).toBeVisible()
    await expectNoAxeViolations(page)

    const list = page.waitForResponse((response) => response.url().endsWith('/projects'))
    await page.goto(`${origin}/projects`)
    expect((await list).status(), 'the API accepts the IdToken from the managed login').toBe(200)
    await expect(page.getByRole('heading', { name: t.projects, level: 1 })).toBeVisible()
  })

  test(`${language}: signing out ends the managed-login session and leaves nothing behind; the next Continue with Google asks again`, async ({
    page,
    request,
  }) => {
    await allowThisApp(request)
    await startAt(page, language)
    await page.getByRole('button', { name: t.google }).click()
    await continueAtProvider(page, 'Google', uniqueEmail('google-out'))
    await expect(page.getByRole('heading', { name: t.projects, level: 1 })).toBeVisible()

    const logout = page.waitForRequest(
      (request) =>
        request.isNavigationRequest() && new URL(request.url()).pathname === '/local-aws/logout',
    )
    await page.getByRole('banner').getByRole('button', { name: t.signOut }).click()
    expect(new URL((await logout).url()).searchParams.get('logout_uri')).toBe(`${origin}/sign-in`)
    await expect(page).toHaveURL(`${origin}/sign-in`)
    // Back as a fresh page, it still says why.
    await expect(page.getByRole('status')).toHaveText(t.signedOut)
    await expect(page.getByRole('button', { name: t.google })).toBeVisible()
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key !== 'language'),
    )
    expect(kept.filter((key) => !/deviceKey|deviceGroupKey|randomPasswordKey/.test(key))).toEqual(
      [],
    )

    await page.getByRole('button', { name: t.google }).click()
    await expect(page).toHaveTitle('Google (local emulator)')
  })

  test(`${language}: a session the API stops accepting ends through /logout too, and the sign-in page still says why and returns to the page`, async ({
    page,
    request,
  }) => {
    await allowThisApp(request)
    const email = uniqueEmail('google-refused')
    await startAt(page, language, '/projects?from=bookmark')
    await page.getByRole('button', { name: t.google }).click()
    await continueAtProvider(page, 'Google', email)
    await expect(page).toHaveURL(`${origin}/projects?from=bookmark`)

    // The API refuses every token from now on (an authorizer configured for another pool, say).
    const api = '**/local-aws/dev_1/projects'
    await page.route(api, (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: '{"message":"Unauthorized"}',
      }),
    )
    const logout = page.waitForRequest(
      (request) =>
        request.isNavigationRequest() && new URL(request.url()).pathname === '/local-aws/logout',
    )
    await page.reload()
    await logout
    await expect(page).toHaveURL(`${origin}/sign-in`)
    await expect(page.getByRole('status')).toContainText(t.apiRefused)

    await page.unroute(api)
    await page.getByRole('button', { name: t.google }).click()
    await continueAtProvider(page, 'Google', email)
    await expect(page).toHaveURL(`${origin}/projects?from=bookmark`)
  })

  test(`${language}: by keyboard, cancelling at the provider says so, and leads back to a sign-in that works`, async ({
    page,
    request,
  }) => {
    await allowThisApp(request)
    await startAt(page, language)
    // Once the prerendered form is the app's (its submit button is disabled until then).
    await expect(page.locator('form button[type="submit"]')).toBeEnabled()
    await expectNoAxeViolations(page)
    // The heading has focus as the page opens; the first provider's button is next.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: t.google })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveTitle('Google (local emulator)')
    await page.getByRole('button', { name: 'Cancel', exact: true }).click()

    await expect(page.getByRole('alert')).toContainText(t.cancelled)
    await expect(page).toHaveURL(`${origin}/oauth/callback`)
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: t.backToSignIn }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: t.google }).click()
    await continueAtProvider(page, 'Google', uniqueEmail('google-after-cancel'))
    await expect(page.getByRole('heading', { name: t.projects, level: 1 })).toBeVisible()
  })

  test(`${language}: a state that isn't the one the app sent is refused, and no one is signed in`, async ({
    page,
    request,
  }) => {
    await allowThisApp(request)
    await startAt(page, language)
    // Someone swaps the state on the way back (a forged link, a mixed-up tab).
    await page.route('**/local-aws/provider/**', async (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue()
      const response = await route.fetch({ maxRedirects: 0 })
      const location = new URL(response.headers().location ?? '')
      location.searchParams.set('state', 'forged-state')
      await route.fulfill({ response, headers: { ...response.headers(), location: location.href } })
    })
    await page.getByRole('button', { name: t.google }).click()
    await continueAtProvider(page, 'Google', uniqueEmail('google-forged'))

    await expect(page.getByRole('alert')).toContainText(t.state)
    await expect(page.getByRole('banner').getByRole('link', { name: t.signIn })).toBeVisible()
    // The language changes while the failure shows: so does what it says.
    const other = language === 'en' ? 'ja' : 'en'
    await page.getByRole('banner').locator('select').selectOption(other)
    await expect(page.getByRole('alert')).toContainText(UI[other].state)
    await page.getByRole('link', { name: UI[other].backToSignIn }).click()
    await expect(page.getByRole('button', { name: UI[other].google })).toBeVisible()
  })

  test(`${language}: a company's own provider, by the name the pool gave it`, async ({
    page,
    request,
  }) => {
    await addAcmeCorp(request)
    await startAt(page, language, '/sign-up')
    await page.getByRole('button', { name: t.acme }).click()
    await continueAtProvider(page, 'AcmeCorp', uniqueEmail('acme'))
    await expect(page.getByRole('heading', { name: t.projects, level: 1 })).toBeVisible()
    await page.goto(`${origin}/account`)
    await expect(page.getByText(t.signedInWith('AcmeCorp'))).toBeVisible()
  })
}
