import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { startIn, switchLanguage } from './i18n-support'
import { cognito, createConfirmedUser, latestCode, PASSWORD, uniqueEmail } from './local-aws'
import { poolMfa, userWithFactors } from './mfa-support'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { API_PATH, forgetKeptList } from './projects-support'

/**
 * What a screen reader meets on each screen's key states, in English and in
 * Japanese: the accessibility tree of <main> (roles, names, states, text),
 * kept in aria-snapshots.spec.ts-snapshots/ and reviewed like code. A change
 * to a label, a role, a heading level or an error's place shows up as a diff
 * there; `npx playwright test aria-snapshots --update-snapshots` rewrites them.
 * User data (emails) is matched by a pattern in the files.
 */

const main = (page: Page) => page.locator('main')
const submit = (page: Page) => page.locator('main form button[type=submit]').first()
const field = (page: Page, name: string) => page.locator(`main input[name=${name}]`)

/** The state in English, then the same state switched to Japanese, then back. */
async function snapshot(page: Page, name: string) {
  await expect(main(page)).toMatchAriaSnapshot({ name: `${name}.en.aria.yml` })
  await switchLanguage(page, 'ja')
  await expect(main(page)).toMatchAriaSnapshot({ name: `${name}.ja.aria.yml` })
  await switchLanguage(page, 'en')
}

test('signed-out screens', async ({ page }) => {
  await startIn(page, 'en')
  await page.goto('/sign-in')
  await expect(page.locator('h1')).toBeFocused()
  await snapshot(page, 'sign-in')
  await submit(page).click()
  await expect(field(page, 'email')).toHaveAttribute('aria-invalid', 'true')
  await snapshot(page, 'sign-in-email-missing')

  await page.goto('/sign-up')
  await snapshot(page, 'sign-up')
  await page.goto('/sign-up/confirm')
  await page.locator('.resend-code button').click()
  await expect(page.locator('.resend-code .form-alert')).toBeVisible()
  await snapshot(page, 'confirm-new-code-without-email')

  await page.goto('/forgot-password')
  await snapshot(page, 'forgot-password')
  await field(page, 'email').fill('nobody@example.com')
  await submit(page).click()
  await expect(field(page, 'code')).toBeVisible()
  await snapshot(page, 'forgot-password-code-sent')

  await page.goto('/no/such/page')
  await snapshot(page, 'not-found')
})

test('signed-in screens', async ({ page, request }) => {
  const email = await createConfirmedUser(request, uniqueEmail('aria'))
  await startIn(page, 'en')
  // A fixed list, so the snapshot doesn't depend on what other tests created.
  await page.route(`**${API_PATH}`, (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({
          json: [
            { 'project-id': 1, name: 'Onboarding', 'is-default': true },
            { 'project-id': 200, name: 'Typing' },
          ],
        })
      : route.fallback(),
  )
  await page.goto('/sign-in?next=%2Faccount')
  await field(page, 'email').fill(email)
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(page).toHaveURL(/\/account$/)
  await snapshot(page, 'account')
  await page.locator('main button.button-danger').click()
  await expect(page.locator('#confirm-delete-question')).toBeFocused()
  await snapshot(page, 'account-confirming-deletion')

  await page.goto('/projects')
  await expect(page.locator('main .project-name').first()).toBeVisible()
  await snapshot(page, 'projects')
  await page.getByRole('button', { name: 'Rename “Typing”' }).click()
  await snapshot(page, 'projects-renaming')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Delete “Typing”' }).click()
  await snapshot(page, 'projects-confirming-delete')

  await page.unrouteAll()
  await page.route(`**${API_PATH}`, (route) =>
    route.fulfill({ status: 403, json: { message: 'Forbidden' } }),
  )
  await forgetKeptList(page)
  await page.reload()
  await expect(page.locator('main .load-error')).toBeVisible({ timeout: 15_000 })
  await snapshot(page, 'projects-load-failed')
})

test('sign-in steps and the account page’s two-step sign-in', async ({ page, request }) => {
  await startIn(page, 'en')
  const signInWith = async (email: string, password: string) => {
    await field(page, 'email').fill(email)
    await field(page, 'password').fill(password)
    await submit(page).click()
  }
  const cancel = page.locator('main button.button-link')
  try {
    const invited = uniqueEmail('aria-invited')
    await cognito(request, 'AdminCreateUser', { UserPoolId, Username: invited })
    await page.goto('/sign-in')
    await signInWith(invited, await latestCode(request, invited))
    await expect(field(page, 'newPassword')).toBeVisible()
    await snapshot(page, 'sign-in-step-new-password')
    await cancel.click()

    await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
    const both = await userWithFactors(request, 'aria-both', { totp: true, email: true })
    await signInWith(both.email, PASSWORD)
    await expect(page.locator('main input[type=radio]')).toHaveCount(2)
    await snapshot(page, 'sign-in-step-choose')
    await page.locator('main input[value=TOTP]').check()
    await submit(page).click()
    await expect(field(page, 'mfaCode')).toBeVisible()
    await snapshot(page, 'sign-in-step-code')
    await cancel.click()

    await poolMfa(request, 'ON', { totp: true })
    await page.goto('/sign-in?next=%2Faccount')
    await signInWith(await createConfirmedUser(request, uniqueEmail('aria-setup')), PASSWORD)
    await expect(page.locator('main svg[role=img]')).toBeVisible()
    await snapshot(page, 'sign-in-step-totp-setup')

    await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
    const { email } = await userWithFactors(request, 'aria-account', { email: true })
    await page.goto('/sign-in?next=%2Faccount')
    await signInWith(email, PASSWORD)
    await expect(field(page, 'mfaCode')).toBeVisible() // the code is sent
    await field(page, 'mfaCode').fill(await latestCode(request, email))
    await submit(page).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.locator('main .mfa-methods li')).toHaveCount(2)
    await snapshot(page, 'account-two-step')
  } finally {
    await poolMfa(request, 'OFF')
  }
})

test('remembered-devices screens', async ({ page, request }) => {
  await startIn(page, 'en')
  try {
    await poolMfa(request, 'OPTIONAL', { email: true })
    const { email } = await userWithFactors(request, 'aria-devices', { email: true })
    // The pool remembers a device when its user says so: the code step offers it.
    await cognito(request, 'UpdateUserPool', {
      UserPoolId,
      DeviceConfiguration: {
        ChallengeRequiredOnNewDevice: true,
        DeviceOnlyRememberedOnUserPrompt: true,
      },
    })
    await page.goto('/sign-in?next=%2Faccount')
    await field(page, 'email').fill(email)
    await field(page, 'password').fill(PASSWORD)
    await submit(page).click()
    await expect(page.locator('main input[type=checkbox]')).toBeVisible()
    await snapshot(page, 'sign-in-step-code-remember')
    await field(page, 'mfaCode').fill(await latestCode(request, email))
    await page.locator('main input[type=checkbox]').check()
    await submit(page).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.locator('main .device-list li')).toHaveCount(1)
    await snapshot(page, 'account-devices')
  } finally {
    await cognito(request, 'UpdateUserPool', { UserPoolId, DeviceConfiguration: {} })
    await poolMfa(request, 'OFF')
  }
})
