/**
 * The session as a user on a flaky, shared device meets it: a refresh due while
 * Cognito can't be reached, two tabs refreshing at once with refresh-token
 * rotation, and an account an administrator disabled. Tokens expire on
 * Playwright's clock, which all of a context's pages share.
 */
import type { APIRequestContext, Page, Request, Route } from '@playwright/test'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD } from './local-aws'
import { advanceEmulatorClock, startIn, type Language } from './mfa-support'

async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Cognito and the API, but not the page's own files: a phone whose network isn't up yet reloading from its cache. */
const awsEndpoints = (url: URL) =>
  url.pathname === '/local-aws' || url.pathname.startsWith('/local-aws/')

const PAGES = [
  { path: '/projects', heading: 'Projects' },
  { path: '/account', heading: 'Your account' },
]

for (const { path, heading } of PAGES) {
  test(`a refresh due while Cognito can't be reached keeps the session on ${path}: no sign-in form, and the page once the network is back`, async ({
    page,
    request,
  }) => {
    await page.clock.install()
    const email = await createConfirmedUser(request)
    await page.goto(path)
    await signIn(page, email)
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()

    // The phone sleeps past the token's hour and wakes before its network.
    await page.route(awsEndpoints, (route) => route.abort('internetdisconnected'))
    await page.clock.fastForward('01:00:00')
    await page.reload()
    await expect(
      page.getByRole('heading', { name: 'Can’t reach the sign-in service' }),
    ).toBeVisible()
    await expect(page.getByRole('status')).toHaveText(
      'You are still signed in: this page opens as soon as the connection is back.',
    )
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
    await expect(page).toHaveURL(new RegExp(`${path}$`))

    // Still offline, trying again changes nothing.
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled()
    await expect(
      page.getByRole('heading', { name: 'Can’t reach the sign-in service' }),
    ).toBeVisible()

    await page.unroute(awsEndpoints)
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`${path}$`))
    await expect(page.getByRole('navigation', { name: 'Your account' })).toContainText(email)
  })
}

/** Turns refresh-token rotation on for the app's client; what puts the client back as it was. */
async function rotateRefreshTokens(request: APIRequestContext, RetryGracePeriodSeconds: number) {
  const { UserPoolClient } = (await cognito(request, 'DescribeUserPoolClient', {
    UserPoolId,
    ClientId: DEFAULT_CLIENT_ID,
  })) as { UserPoolClient: Record<string, unknown> }
  // Update resets what it isn't sent, and takes none of what Describe adds.
  const settings = { ...UserPoolClient }
  for (const readOnly of ['ClientSecret', 'CreationDate', 'LastModifiedDate'])
    delete settings[readOnly]
  await cognito(request, 'UpdateUserPoolClient', {
    ...settings,
    // Cognito refuses REFRESH_TOKEN_AUTH on a rotating client.
    ExplicitAuthFlows: (settings.ExplicitAuthFlows as string[]).filter(
      (flow) => flow !== 'ALLOW_REFRESH_TOKEN_AUTH',
    ),
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds },
  })
  return () => cognito(request, 'UpdateUserPoolClient', settings)
}

const isRefresh = (request: Request) =>
  /\.GetTokensFromRefreshToken$/.test(request.headers()['x-amz-target'] ?? '')

/**
 * Holds each tab's refresh until both tabs have asked, so that both send the
 * same refresh token: the moment rotation makes dangerous.
 */
async function refreshTogether(pages: Page[]) {
  const asked: Route[] = []
  const hold = async (route: Route) => {
    if (!isRefresh(route.request())) return route.fallback()
    asked.push(route)
    if (asked.length === pages.length) for (const held of asked) await held.fallback()
  }
  for (const page of pages) await page.route(awsEndpoints, hold)
  const sent = new Map<Page, string[]>()
  for (const page of pages) {
    sent.set(page, [])
    page.on('request', (request) => {
      if (isRefresh(request)) sent.get(page)!.push(request.postDataJSON().RefreshToken as string)
    })
  }
  return {
    /** The refresh tokens each tab sent. */
    sent: () => pages.map((page) => sent.get(page)!),
    done: async () => {
      await expect.poll(() => asked.length).toBe(pages.length)
      for (const page of pages) await page.unroute(awsEndpoints, hold)
    },
  }
}

test('two tabs refreshing at the same moment, with refresh-token rotation on, both stay signed in', async ({
  page,
  context,
  request,
}) => {
  const restoreClient = await rotateRefreshTokens(request, 10)
  try {
    await page.clock.install()
    const email = await createConfirmedUser(request)
    await page.goto('/projects')
    await signIn(page, email)
    await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible()
    const other = await context.newPage()
    await other.goto('/account')
    await expect(other.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible()

    for (const round of [1, 2]) {
      const refresh = await refreshTogether([page, other])
      await page.clock.fastForward('01:00:00')
      await refresh.done()
      const [first, second] = refresh.sent()
      // Both tabs sent the one stored refresh token: the second within the grace period.
      expect(first![0], `round ${round}: the refresh token both tabs sent`).toBe(second![0])

      // Each tab's next request carries a token Cognito and the API accept.
      await page.reload()
      await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Create project' })).toBeVisible()
      await other.reload()
      await expect(other.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible()
      await expect(other.getByRole('navigation', { name: 'Your account' })).toContainText(email)

      // Past the grace period the replaced refresh token is dead: what the tabs
      // kept must be the one Cognito handed out last.
      await advanceEmulatorClock(request, 11_000)
    }
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
    await expect(other.getByLabel('Password', { exact: true })).toHaveCount(0)
  } finally {
    await restoreClient()
  }
})

const DISABLED: Record<
  Language,
  { told: string; signIn: string; email: string; password: string }
> = {
  en: {
    told: 'Your account was disabled. Ask your administrator to enable it again.',
    signIn: 'Sign in',
    email: 'Email',
    password: 'Password',
  },
  ja: {
    told: 'アカウントが無効にされました。管理者に有効にするよう依頼してください。',
    signIn: 'サインイン',
    email: 'メールアドレス',
    password: 'パスワード',
  },
}

for (const language of ['en', 'ja'] as const) {
  test(`a user an administrator disabled is told so, can't sign in until enabled again (${language})`, async ({
    page,
    request,
  }) => {
    const t = DISABLED[language]
    await startIn(page, language)
    await page.clock.install()
    const email = await createConfirmedUser(request)
    await page.goto('/account')
    await page.getByLabel(t.email).fill(email)
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: t.signIn }).click()
    await expect(page.getByRole('navigation')).toContainText(email)

    await cognito(request, 'AdminDisableUser', { UserPoolId, Username: email })
    // The next refresh is refused: the session ends, saying why.
    await page.clock.fastForward('01:00:00')
    await expect(page.getByRole('heading', { name: t.signIn, exact: true })).toBeVisible()
    await expect(page.getByRole('status')).toHaveText(t.told)

    // Cognito's "User is disabled." at sign-in, in the user's words.
    await page.getByLabel(t.email).fill(email)
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: t.signIn }).click()
    await expect(page.getByRole('alert')).toContainText(t.told)
    await expect(page.getByRole('navigation')).toHaveCount(0)

    await cognito(request, 'AdminEnableUser', { UserPoolId, Username: email })
    await page.getByRole('button', { name: t.signIn }).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.getByRole('navigation')).toContainText(email)
  })
}
