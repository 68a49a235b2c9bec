import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'
import { inJapanese, JA, poolMfa, signInWith, totpCode } from './mfa-support'

// These tests change the pool every spec shares: put MFA back off after each.
test.afterEach(async ({ request }) => poolMfa(request, 'OFF'))

test('sets up an authenticator app on the account page, signs in with its code, then turns it off', async ({
  page,
  request,
}) => {
  await poolMfa(request, 'OPTIONAL', { totp: true })
  const email = await createConfirmedUser(request, uniqueEmail('totp'))
  await page.goto('/account')
  await signInWith(page, email, PASSWORD)

  const section = page.getByRole('region', { name: 'Two-step sign-in' })
  await expect(section).toContainText('Authenticator app: Off')
  await section.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible()
  const key = await section.getByTestId('totp-secret').innerText()
  expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/)
  await section.getByLabel('6-digit code').fill('123')
  await section.getByRole('button', { name: 'Turn on' }).click()
  await expect(section.getByRole('alert').filter({ hasText: 'That code is wrong' })).toBeVisible()
  await section.getByLabel('6-digit code').fill(await totpCode(request, key))
  await section.getByRole('button', { name: 'Turn on' }).click()
  await expect(
    section.getByRole('status').filter({ hasText: 'Your authenticator app is set up' }),
  ).toBeVisible()
  await expect(section).toContainText('Authenticator app: On')

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await signInWith(page, email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Enter your sign-in code' })).toBeFocused()
  await page.getByLabel('6-digit code').fill(await totpCode(request, key))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await page
    .getByRole('banner')
    .getByRole('link', { name: /^Account:/ })
    .click()

  await section.getByRole('button', { name: 'Turn off Authenticator app' }).click()
  await expect(section).toContainText('Authenticator app: Off')
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await signInWith(page, email, PASSWORD)
  await expect(page).toHaveURL(/\/projects$/)
})

test('全員に MFA が必須のプールでは、初回サインイン時に認証アプリを設定する', async ({
  page,
  request,
}) => {
  await inJapanese(page)
  await poolMfa(request, 'ON', { totp: true })
  const email = await createConfirmedUser(request, uniqueEmail('required'))
  await page.goto('/account')
  await signInWith(page, email, PASSWORD, JA)

  await expect(page.getByRole('heading', { name: '認証アプリの設定' })).toBeFocused()
  await expect(page.getByRole('img', { name: /QR コード/ })).toBeVisible()
  const key = await page.getByTestId('totp-secret').innerText()
  await page.getByLabel('6 桁のコード').fill(await totpCode(request, key))
  await page.getByRole('button', { name: '確認' }).click()

  const section = page.getByRole('region', { name: '2 段階サインイン' })
  await expect(section).toContainText(
    'すべてのユーザーはサインインのたびに 2 段階目の確認が必要です',
  )
  await expect(section).toContainText('認証アプリ: オン')
  // Required for everyone: the only factor can't be turned off.
  await expect(section.getByRole('button', { name: /オフにする/ })).toHaveCount(0)
})

test('the account page has no two-step section when the pool has MFA off', async ({
  page,
  request,
}) => {
  const email = await createConfirmedUser(request, uniqueEmail('no-mfa'))
  await page.goto('/account')
  await signInWith(page, email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toHaveCount(0)
})
