import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'

const NEW_PASSWORD = 'Brand-New-Pass9'

/**
 * Reads the newest code of one kind for `email` from the local-mode panel, as a
 * newcomer would. The panel polls, so until it catches up it may still show
 * only an older code for the same address: waiting for the kind avoids that.
 */
async function codeFromInboxPanel(
  page: Page,
  email: string,
  kind: 'sign-up' | 'password reset',
): Promise<string> {
  const panel = page.getByRole('complementary')
  const details = panel.locator('details')
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await panel.getByText('E-mailed codes').click()
  }
  const entry = panel.locator('dt', { hasText: `${email} (${kind})` }).first()
  await expect(entry).toBeVisible()
  return (await entry.locator('xpath=following-sibling::dd[1]').innerText()).trim()
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('sign up, confirm with the e-mailed code, stay signed in, sign out, reset the password', async ({
  page,
}) => {
  const email = uniqueEmail('journey')
  await page.goto('/projects')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects$/)
  await expect(page.getByRole('complementary')).toContainText('runs against a local emulator')

  await page.getByRole('link', { name: 'Create an account' }).click()
  // Fill the sign-up form, not the sign-in form still shown while its chunk loads.
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeFocused()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Choose a password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeFocused()
  await page.getByLabel('Confirmation code').fill(await codeFromInboxPanel(page, email, 'sign-up'))
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  const header = page.getByRole('banner')
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible()

  await page.reload()
  await expect(header.getByText(email)).toBeVisible()
  await expect(page).toHaveURL(/\/projects$/)

  await header.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('You are signed out.')

  await signIn(page, email, PASSWORD)
  await expect(page).toHaveURL(/\/projects$/)
  await header.getByRole('button', { name: 'Sign out' }).click()

  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  // As for sign-up: the sign-in form, with its own Email field, shows until this chunk arrives.
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeFocused()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeFocused()
  await page
    .getByLabel('Code from the e-mail')
    .fill(await codeFromInboxPanel(page, email, 'password reset'))
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('status')).toContainText('Your password is changed.')
  await expect(page.getByLabel('Email')).toHaveValue(email)
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/projects$/)
})

test('a session whose refresh token was revoked lands on sign-in and returns to its page', async ({
  page,
  request,
}) => {
  await page.clock.install()
  const email = uniqueEmail('revoked')
  await createConfirmedUser(request, email)
  await page.goto('/account')
  await signIn(page, email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible()

  // Revoke the stored refresh token, as "sign out everywhere" on another device would.
  const { clientId, refreshToken } = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.endsWith('.refreshToken')) ?? ''
    return { clientId: key.split('.')[1], refreshToken: localStorage.getItem(key) }
  })
  await cognito(request, 'RevokeToken', { ClientId: clientId, Token: refreshToken })

  // An hour later the tokens expire; the silent refresh is refused.
  await page.clock.fastForward('01:00:00')
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/)
  await expect(page.getByRole('status')).toContainText('signed out of every device')

  await signIn(page, email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible()
  await expect(page).toHaveURL(/\/account$/)
})

test('signing out in one tab signs out the other', async ({ page, context, request }) => {
  const email = uniqueEmail('tabs')
  await createConfirmedUser(request, email)
  await page.goto('/sign-in')
  await signIn(page, email, PASSWORD)
  await expect(page).toHaveURL(/\/projects$/)
  const other = await context.newPage()
  await other.goto('/account')
  await expect(other.getByRole('heading', { name: 'Your account', exact: true })).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await expect(other.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
  await expect(other.getByRole('status')).toHaveText(
    'You signed out in another tab. Sign in again to continue.',
  )
})

test('signs in by keyboard alone, with errors announced next to the field', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('keyboard')
  await createConfirmedUser(request, email)
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused()
  // Past the identity providers' buttons (this build offers Google and AcmeCorp), to the form.
  for (const provider of ['Google', 'AcmeCorp']) {
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: `Continue with ${provider}` })).toBeFocused()
  }
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Email')).toBeFocused()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  await page.keyboard.type('Wrong-Password-1')
  await page.keyboard.press('Enter')
  const password = page.getByLabel('Password', { exact: true })
  await expect(password).toBeFocused()
  await expect(password).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('alert')).toContainText('The email or password is wrong.')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/projects$/)
})
