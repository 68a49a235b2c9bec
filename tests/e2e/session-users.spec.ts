/**
 * Two people in one tab, on the production build with passkeys and two-step
 * sign-in on (playwright.config.ts, project "production"): however the first
 * one's session ends, the second sees nothing of theirs. The first person has
 * an authenticator app and a passkey; the second has neither. (This build names
 * no MFA policy, so its account page has no two-step section: the passkey
 * section's notice is what shows the user's MFA preference.) While the second
 * person's own answers are held back, their account page may show only that it
 * is loading: anything else would be the first person's data, kept in memory.
 */
import type { APIRequestContext, Page, Route } from '@playwright/test'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD } from './local-aws'
import { advanceEmulatorClock, poolMfa, totpCode, UI, userWithFactors } from './mfa-support'
import { virtualAuthenticator } from './webauthn-support'

const t = UI.en

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL })
  await cognito(request, 'UpdateUserPool', {
    UserPoolId,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } },
  })
  await cognito(request, 'SetUserPoolMfaConfig', {
    UserPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  })
  await request.dispose()
})

// The passwordless specs share this server's pool: MFA goes back off.
test.afterAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL })
  await poolMfa(request, 'OFF')
  await request.dispose()
})

/** The passkey section's notice for a user with two-step sign-in on: from their MFA preference. */
const usesTwoStep = /^You use two-step verification/

const accountNav = (page: Page) => page.getByRole('navigation', { name: 'Your account' })

/** The first person: password, then the authenticator app's code; then a passkey from the account page. */
async function firstPersonSignsIn(page: Page, request: APIRequestContext) {
  const { email, key } = await userWithFactors(request, 'first', { totp: true })
  await page.goto('/sign-in')
  await page.getByLabel(t.email).fill(email)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: t.signIn }).click()
  await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
  await page.getByLabel(t.code).fill(await totpCode(request, key))
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page).toHaveURL(/\/projects$/)

  await accountNav(page).getByRole('link', { name: t.account }).click()
  await expect(page.getByText(usesTwoStep)).toBeVisible()
  await page.getByRole('button', { name: 'Add a passkey' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Passkey added.' })).toBeVisible()
  await expect(
    page.getByRole('list').filter({ hasText: 'added' }).getByRole('listitem'),
  ).toHaveCount(1)
  return email
}

/** Holds back this page's requests for the user's MFA settings and passkeys until `release()`. */
async function holdAccountAnswers(page: Page) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const held = /\.(GetUser|ListWebAuthnCredentials)$/
  const handler = async (route: Route) => {
    const target = route.request().headers()['x-amz-target'] ?? ''
    if (!held.test(target)) return route.fallback()
    await released
    await route.fallback()
  }
  await page.route((url) => url.pathname === '/local-aws', handler)
  return release
}

const endings: {
  reason: string
  says: string | RegExp
  end: (page: Page, request: APIRequestContext, email: string) => Promise<void>
}[] = [
  {
    reason: 'signed out',
    says: 'You are signed out.',
    end: async (page) => {
      await accountNav(page).getByRole('button', { name: t.signOut }).click()
    },
  },
  {
    reason: 'signed out in another tab',
    says: 'You signed out in another tab. Sign in again to continue.',
    end: async (page) => {
      const other = await page.context().newPage()
      await other.goto('/projects')
      await accountNav(other).getByRole('button', { name: t.signOut }).click()
      await expect(other).toHaveURL(/\/sign-in/)
      await other.close()
    },
  },
  {
    reason: 'signed out of every device',
    says: /You were signed out of every device/,
    end: async (page, request, email) => {
      await cognito(request, 'AdminUserGlobalSignOut', { UserPoolId, Username: email })
      await page.clock.fastForward('01:00:00')
    },
  },
  {
    reason: 'disabled',
    says: 'Your account was disabled. Ask your administrator to enable it again.',
    end: async (page, request, email) => {
      await cognito(request, 'AdminDisableUser', { UserPoolId, Username: email })
      await page.clock.fastForward('01:00:00')
    },
  },
  {
    reason: 'deleted',
    says: 'Your account is deleted.',
    end: async (page) => {
      await accountNav(page).getByRole('link', { name: t.account }).click()
      await page.getByRole('button', { name: 'Delete account…' }).click()
      await page.getByRole('button', { name: 'Yes, delete my account' }).click()
    },
  },
  {
    // Last: the emulator's clock stays 31 days ahead for whatever runs after it.
    reason: 'expired',
    says: 'Your session expired. Sign in again to go back to the page you were on.',
    end: async (page, request) => {
      // The refresh token lasts 30 days.
      const month = 31 * 24 * 3600_000
      await advanceEmulatorClock(request, month)
      await page.clock.fastForward(month)
    },
  },
]

for (const { reason, says, end } of endings) {
  test(`after the first person's session ends (${reason}), the next one in the tab sees none of their data`, async ({
    page,
    request,
  }) => {
    await page.clock.install()
    await virtualAuthenticator(page)
    const first = await firstPersonSignsIn(page, request)
    await page.getByRole('banner').getByRole('link', { name: 'Projects' }).click()
    await expect(page).toHaveURL(/\/projects$/)

    await end(page, request, first)
    await expect(page.getByRole('heading', { name: t.signIn, exact: true })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: says })).toBeVisible()

    const second = await createConfirmedUser(request)
    await page.getByLabel(t.email).fill(second)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Use my password' }).click()
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: t.signIn }).click()
    await expect(page).toHaveURL(/\/projects$/)
    await expect(accountNav(page).getByRole('link', { name: t.account })).toHaveText(
      new RegExp(second),
    )

    const release = await holdAccountAnswers(page)
    await accountNav(page).getByRole('link', { name: t.account }).click()
    await expect(page.getByText('Loading your passkeys…')).toBeVisible()
    await expect(page.getByText(usesTwoStep)).toHaveCount(0)
    await expect(page.getByText(first)).toHaveCount(0)

    release()
    await expect(page.getByText('You have no passkey yet.')).toBeVisible()
    await expect(page.getByText(usesTwoStep)).toHaveCount(0)
  })
}
