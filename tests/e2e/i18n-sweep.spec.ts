import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'
import { PSEUDO, startIn, sweep, switchLanguage } from './i18n-support'
import { cognito, createConfirmedUser, latestCode, PASSWORD, uniqueEmail } from './local-aws'
import { advanceEmulatorClock, poolMfa, totpCode, userWithFactors } from './mfa-support'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { API_PATH, forgetKeptList } from './projects-support'
import { pseudoText } from '../../src/lib/pseudo-locale.ts'

/**
 * Every screen, in every state a user can reach, in the pseudo-locale: each
 * text from a dictionary, the layout intact with ~30% longer text, and each
 * state switched to Japanese and English while on screen (see i18n-support.ts).
 * Selectors are by name and role attributes, since the words are the thing
 * under test here.
 */

const submit = (page: Page) => page.locator('main form button[type=submit]').first()
const field = (page: Page, name: string) => page.locator(`main input[name=${name}]`)

/** Holds the requests `route` matches until `release` is called. */
function holdRequests() {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  return {
    release,
    handler: async (route: Route) => {
      await released
      await route.fallback()
    },
  }
}

test('signed-out screens, their errors, notices and steps', async ({ page, request }) => {
  const known = await createConfirmedUser(request, uniqueEmail('sweep'))
  const stranger = uniqueEmail('stranger')
  await startIn(page, PSEUDO)

  await page.goto('/sign-in')
  await expect(page.locator('h1')).toBeFocused()
  await page.locator('aside summary').click()
  await expect(page.locator('.local-inbox button')).toBeVisible()
  await sweep(page, 'sign-in, with the local inbox open', [known])

  await submit(page).click()
  await expect(field(page, 'email')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'sign-in, email missing')

  await field(page, 'email').fill(stranger)
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(field(page, 'password')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'sign-in, wrong email or password', [stranger])

  await page.goto('/sign-up')
  await submit(page).click()
  await expect(field(page, 'email')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'sign-up, email missing')
  await field(page, 'email').fill(stranger)
  await field(page, 'password').fill('short')
  await submit(page).click()
  await expect(field(page, 'password')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'sign-up, weak password', [stranger])
  await field(page, 'email').fill(known)
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(field(page, 'email')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'sign-up, account exists', [known])

  await page.goto('/sign-up/confirm')
  await page.locator('.resend-code button').click()
  await expect(page.locator('.resend-code .form-alert-slot')).toBeFocused()
  await sweep(page, 'confirm, new code without an email')
  await field(page, 'email').fill(known)
  await field(page, 'code').fill('000000')
  await submit(page).click()
  await expect(page.locator('main a[href^="/sign-in"]')).toBeVisible()
  await sweep(page, 'confirm, already confirmed', [known])

  // A new account's confirmation step, and a new code sent to it.
  await page.goto('/sign-up')
  await field(page, 'email').fill(stranger)
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(page).toHaveURL(/\/sign-up\/confirm/)
  await expect(field(page, 'code')).toBeVisible()
  await sweep(page, 'confirm, after sign-up', [stranger])
  await page.locator('.resend-code button').click()
  await expect(page.locator('.resend-code [role=status]')).not.toBeEmpty()
  await sweep(page, 'confirm, new code sent', [stranger])
  await field(page, 'code').fill('000000')
  await submit(page).click()
  await expect(field(page, 'code')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'confirm, wrong code', [stranger])

  await page.goto('/forgot-password')
  await submit(page).click()
  await expect(field(page, 'email')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'forgot password, email missing')
  await field(page, 'email').fill(known)
  await submit(page).click()
  await expect(field(page, 'code')).toBeVisible()
  await sweep(page, 'forgot password, code sent', [known])
  await submit(page).click()
  await expect(field(page, 'code')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'forgot password, code missing', [known])

  await page.goto('/no/such/page')
  await expect(page.locator('h1')).toBeVisible()
  await sweep(page, 'not found')

  // A screen whose code is still downloading: the route's loading notice.
  const chunk = holdRequests()
  await page.route('**/assets/sign-up-*.js', chunk.handler)
  await page.goto('/sign-in')
  await page.locator('main a[href^="/sign-up"]').click()
  await expect(page.locator('main > p.route-loading')).not.toBeEmpty()
  await sweep(page, 'a screen loading')
  chunk.release()
  await expect(page.locator('h1')).toBeFocused()
  await page.unroute('**/assets/sign-up-*.js')

  // A screen whose code fails to download (an older deploy's chunk): the error page.
  await page.route('**/assets/forgot-password-*.js', (route) => route.abort())
  await page.goto('/sign-in')
  await page.locator('main a[href^="/forgot-password"]').click()
  await expect(page.locator('main [role=alert] h1')).toBeVisible()
  await sweep(page, 'the error page')
})

async function signInAs(page: Page, email: string, next = '/projects') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`)
  await field(page, 'email').fill(email)
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(page).toHaveURL(new RegExp(`${next}$`))
}

const list = (page: Page) => page.locator('main ul.project-list')
const row = (page: Page, name: string) =>
  list(page).locator('li', { has: page.locator('.project-name', { hasText: name }) })

test('projects: loading, empty, list, each form and row state, notices, errors', async ({
  page,
  request,
}) => {
  const email = await createConfirmedUser(request, uniqueEmail('sweep'))
  const names = [`Sweep ${Date.now()}`, `Sweep second ${Date.now()}`]
  await startIn(page, PSEUDO)

  // Loading, then an empty list (the shared list is answered empty for this one load).
  const load = holdRequests()
  // The last route added answers first: held, then answered empty.
  await page.route(`**${API_PATH}`, (route) => route.fulfill({ json: [] }), { times: 1 })
  await page.route(`**${API_PATH}`, load.handler, { times: 1 })
  await signInAs(page, email)
  await expect(page.locator('main .loading')).toBeVisible()
  await sweep(page, 'projects, loading', [email])
  load.release()
  await expect(page.locator('main .empty')).toBeVisible()
  await sweep(page, 'projects, empty', [email])

  const nameField = page.locator('main .create-form input').first()
  const idField = page.locator('main .create-form input.id-input')
  const create = page.locator('main .create-form button[type=submit]')
  await create.click()
  await expect(nameField).toBeFocused()
  await expect(nameField).toHaveAttribute('aria-invalid', 'true')
  await idField.fill('12.5')
  await sweep(page, 'projects, create without a name', [email])
  await nameField.fill('Sweep id')
  await create.click()
  await expect(idField).toBeFocused()
  await expect(idField).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'projects, create with an invalid id', [email, 'Sweep id'])
  await idField.fill('')
  await nameField.fill(names[0]!)
  await create.click()
  await expect(row(page, names[0]!)).toBeVisible()
  await expect(page.locator('main .notice-success')).toBeVisible()
  await sweep(page, 'projects, created', [email, ...names])
  await nameField.fill(names[1]!)
  await create.click()
  await expect(row(page, names[1]!)).toBeVisible()

  // Rename: the box, then its error.
  await row(page, names[0]!).locator('button').first().click()
  const renameBox = list(page).locator('form input')
  await expect(renameBox).toBeFocused()
  await sweep(page, 'projects, renaming', [email, ...names])
  await renameBox.fill('')
  await renameBox.press('Enter')
  await expect(renameBox).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'projects, rename without a name', [email, ...names])
  await renameBox.press('Escape')
  await expect(row(page, names[0]!).locator('button').first()).toBeFocused()

  // Delete: the confirmation step, then the undo notice.
  await row(page, names[1]!).locator('button').nth(1).click()
  await expect(row(page, names[1]!).locator('[role=group] button.danger')).toBeFocused()
  await sweep(page, 'projects, confirming a delete', [email, ...names])
  await row(page, names[1]!).locator('[role=group] button.danger').click()
  await expect(page.locator('main .notice-success button')).toBeFocused()
  await sweep(page, 'projects, deleted, with undo', [email, ...names])

  // The filter, matching nothing.
  const query = 'zz-no-such-project'
  await page.locator('main input[type=search]').fill(query)
  await expect(page.locator('main .project-browser .empty')).toBeVisible()
  await sweep(page, 'projects, filter matching nothing', [email, query, ...names])
  await page.locator('main input[type=search]').fill('')

  // A write that fails.
  await page.route(`**${API_PATH}`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 500, json: { message: 'Internal server error' } })
      : route.fallback(),
  )
  await nameField.fill('Sweep fails')
  await create.click()
  await expect(page.locator('main .notice-error')).toBeVisible()
  await sweep(page, 'projects, a create failed', [email, 'Sweep fails', ...names])
  await page.unrouteAll()

  // Entries the app can't use, counted on the page.
  await page.route(`**${API_PATH}`, (route) =>
    route.fulfill({ json: [{ 'project-id': 'not-a-number', name: 'Broken' }] }),
  )
  await page.reload()
  await expect(page.locator('main .notice-warning')).toBeVisible()
  await sweep(page, 'projects, unreadable entries', [email])
  await page.unrouteAll()

  // A full answer: the API lists at most 50, and the page says some may be missing.
  const fifty = Array.from({ length: 50 }, (_, index) => ({
    'project-id': 9_000 + index,
    name: `Capped ${index + 1}`,
  }))
  await page.route(`**${API_PATH}`, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ json: fifty }) : route.fallback(),
  )
  await page.reload()
  await expect(page.locator('main .project-name').first()).toBeVisible()
  await expect(page.locator('main p.notice-warning')).toBeVisible()
  await sweep(page, 'projects, the 50-project cap', [email])
  await page.unrouteAll()

  // The list fails to load: the one kept from the last visit stays, marked, with the failure.
  await page.route(`**${API_PATH}`, (route) =>
    route.fulfill({ status: 403, json: { message: 'Forbidden' } }),
  )
  await page.reload()
  await expect(page.locator('main .notice-warning[role="alert"]')).toBeVisible({ timeout: 15_000 })
  await sweep(page, 'projects, the kept list, refresh failed', [email])
  // And on a first visit, with nothing kept.
  await forgetKeptList(page)
  await page.reload()
  await expect(page.locator('main .load-error')).toBeVisible({ timeout: 15_000 })
  await sweep(page, 'projects, load failed', [email])
  await page.unrouteAll()
})

test('account page, its forms and steps, the header at 390 px, and signing out', async ({
  page,
  request,
}) => {
  const email = await createConfirmedUser(request, uniqueEmail('sweep-with-a-rather-long-address'))
  await startIn(page, PSEUDO)
  await signInAs(page, email, '/account')
  await expect(page.locator('main h1')).toBeFocused()
  await sweep(page, 'account', [email])
  await switchLanguage(page, 'ja')
  await expect(page).toHaveTitle('アカウント · プロジェクト')
  await switchLanguage(page, 'en')
  await expect(page).toHaveTitle('Your account · Projects')
  await page.goto('/projects') // the app's home: its name alone
  await expect(page).toHaveTitle(pseudoText('Projects'))
  await page.goto('/account')
  await expect(page.locator('main h1')).toBeFocused()

  // The header keeps the address on one line on a phone, cut short, whole in its name.
  await page.setViewportSize({ width: 390, height: 800 })
  const accountLink = page.locator('header a[href="/account"]')
  const lineHeight = await accountLink.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
  expect((await accountLink.boundingBox())?.height).toBeLessThan(lineHeight * 1.5)
  await expect(accountLink).toHaveAccessibleName(new RegExp(email.replace(/[.]/g, '\\.')))
  await page.setViewportSize({ width: 1280, height: 800 })

  await submit(page).click()
  await expect(field(page, 'password')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'account, current password missing', [email])
  await field(page, 'password').fill('Not-The-Password1')
  await field(page, 'newPassword').fill('Brand-New-Pass9')
  await submit(page).click()
  await expect(field(page, 'password')).toBeFocused()
  await expect(field(page, 'password')).toHaveAttribute('aria-invalid', 'true')
  await sweep(page, 'account, wrong current password', [email])
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(page.locator('main form [role=status]')).not.toBeEmpty()
  await sweep(page, 'account, password changed', [email])

  await page.locator('main button.button-danger').click()
  await expect(page.locator('#confirm-delete-question')).toBeFocused()
  await sweep(page, 'account, confirming the deletion', [email])
  await page.locator('main .confirm-delete button.button-secondary').click()
  await expect(page.locator('main button.button-danger')).toBeFocused()

  await page.locator('header button').click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.locator('main h1')).toBeFocused()
  await expect(page.locator('main [role=status]')).not.toBeEmpty()
  await sweep(page, 'sign-in, signed out')
})

test('the steps after the password, and the account page’s two-step sign-in', async ({
  page,
  request,
}) => {
  await startIn(page, PSEUDO)
  const cancel = page.locator('main button.button-link')
  const signInWith = async (email: string, password: string) => {
    await field(page, 'email').fill(email)
    await field(page, 'password').fill(password)
    await submit(page).click()
  }
  try {
    // An invited user: a new password, its rules listed.
    const invited = uniqueEmail('sweep-invited')
    await cognito(request, 'AdminCreateUser', { UserPoolId, Username: invited })
    await page.goto('/sign-in')
    await signInWith(invited, await latestCode(request, invited))
    await expect(field(page, 'newPassword')).toBeVisible()
    await expect(page.locator('main h1')).toBeFocused()
    await sweep(page, 'sign-in step: new password', [invited])
    await submit(page).click()
    await expect(field(page, 'newPassword')).toHaveAttribute('aria-invalid', 'true')
    await sweep(page, 'sign-in step: new password missing', [invited])
    await cancel.click()
    await expect(field(page, 'password')).toBeVisible()

    // Two factors: the choice, then a code, a wrong one, and a challenge that ran out.
    await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
    const both = await userWithFactors(request, 'sweep-both', { totp: true, email: true })
    await signInWith(both.email, PASSWORD)
    await expect(page.locator('main input[type=radio]')).toHaveCount(2)
    await sweep(page, 'sign-in step: choose a factor', [both.email])
    await page.locator('main input[value=EMAIL]').check()
    await submit(page).click()
    await expect(field(page, 'mfaCode')).toBeVisible()
    await sweep(page, 'sign-in step: e-mailed code', [both.email])
    await cancel.click()
    await signInWith(both.email, PASSWORD)
    await page.locator('main input[value=TOTP]').check()
    await submit(page).click()
    await expect(field(page, 'mfaCode')).toBeVisible()
    await sweep(page, 'sign-in step: authenticator code', [both.email])
    const right = await totpCode(request, both.key)
    await field(page, 'mfaCode').fill(right === '000000' ? '111111' : '000000')
    await submit(page).click()
    await expect(field(page, 'mfaCode')).toHaveAttribute('aria-invalid', 'true')
    await sweep(page, 'sign-in step: wrong code', [both.email])
    await advanceEmulatorClock(request, 3 * 60_000 + 1_000)
    await field(page, 'mfaCode').fill(await totpCode(request, both.key))
    await submit(page).click()
    await expect(field(page, 'password')).toBeVisible()
    await expect(page.locator('main [role=status]')).not.toBeEmpty()
    await sweep(page, 'sign-in, the step ran out', [both.email])

    // MFA on for everyone, for a user with none: the set-up choice, e-mail set-up.
    await poolMfa(request, 'ON', { totp: true, email: true })
    const fresh = await createConfirmedUser(request, uniqueEmail('sweep-fresh'))
    await signInWith(fresh, PASSWORD)
    await expect(page.locator('main input[type=radio]')).toHaveCount(2)
    await sweep(page, 'sign-in step: choose a factor to set up', [fresh])
    await page.locator('main input[value=EMAIL]').check()
    await submit(page).click()
    await expect(field(page, 'email')).toBeVisible()
    await sweep(page, 'sign-in step: e-mail set-up', [fresh])
    await cancel.click()

    // ...and the authenticator-app set-up, then the account page saying MFA is required.
    await poolMfa(request, 'ON', { totp: true })
    await page.goto('/sign-in?next=%2Faccount')
    await signInWith(fresh, PASSWORD)
    const secret = page.locator('main [data-testid=totp-secret]')
    await expect(page.locator('main svg[role=img]')).toBeVisible()
    const key = await secret.innerText()
    await sweep(page, 'sign-in step: authenticator set-up', [fresh, key])
    await field(page, 'mfaCode').fill(await totpCode(request, key))
    await submit(page).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.locator('main .mfa-methods li')).toHaveCount(1)
    await sweep(page, 'account, two-step sign-in required', [fresh])

    // MFA optional: the account page's set-up, and the choice of the factor asked first.
    await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
    await page.reload()
    await expect(page.locator('main .mfa-methods li')).toHaveCount(2)
    await page.locator('main .mfa-methods button').last().click() // turn e-mail on
    await expect(page.locator('main input[name=preferred-mfa]')).toHaveCount(2)
    await sweep(page, 'account, two factors on', [fresh])
    await page.locator('main .mfa-methods button').first().click() // turn the app off
    await expect(page.locator('main input[name=preferred-mfa]')).toHaveCount(0)
    await page.locator('main .mfa-methods button').first().click() // set it up again
    await expect(secret).toBeVisible()
    await sweep(page, 'account, authenticator set-up', [fresh, await secret.innerText()])
  } finally {
    await poolMfa(request, 'OFF')
  }
})
