import { expect, test } from './fixtures'
import { PASSWORD } from './local-aws'
import {
  advanceEmulatorClock,
  fromInboxPanel,
  inJapanese,
  JA,
  poolMfa,
  signInWith,
  totpCode,
  userWithFactors,
} from './mfa-support'

// These tests change the pool every spec shares: put MFA back off after each.
test.afterEach(async ({ request }) => poolMfa(request, 'OFF'))

test('SMS and e-mail sign-in codes arrive in the inbox and complete the sign-in', async ({
  page,
  request,
}) => {
  await poolMfa(request, 'OPTIONAL', { sms: true, email: true })
  const phone = '+15555550142'
  const bySms = await userWithFactors(request, 'sms', { sms: phone })
  const byEmail = await userWithFactors(request, 'mail', { email: true })

  await page.goto('/sign-in')
  await signInWith(page, bySms.email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Enter your sign-in code' })).toBeFocused()
  await expect(page.getByText('by text message to +*******0142')).toBeVisible()
  await page
    .getByLabel('6-digit code')
    .fill(await fromInboxPanel(page, phone, 'sign-in code by SMS'))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()

  await signInWith(page, byEmail.email, PASSWORD)
  await expect(page.getByText(/We e-mailed a 6-digit code to \w\*\*\*@e\*\*\*/)).toBeVisible()
  await page
    .getByLabel('6-digit code')
    .fill(await fromInboxPanel(page, byEmail.email, 'sign-in code by e-mail'))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page).toHaveURL(/\/projects$/)
})

test('a wrong code is refused next to the field; a challenge answered after 3 minutes starts over', async ({
  page,
  request,
}) => {
  await poolMfa(request, 'OPTIONAL', { totp: true })
  const { email, key } = await userWithFactors(request, 'late', { totp: true })
  await page.goto('/sign-in')
  await signInWith(page, email, PASSWORD)
  await expect(page.getByRole('heading', { name: 'Enter your sign-in code' })).toBeFocused()
  const right = await totpCode(request, key)
  await page.getByLabel('6-digit code').fill(right === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByLabel('6-digit code')).toBeFocused()
  await expect(page.getByRole('alert').filter({ hasText: 'That code is wrong' })).toBeVisible()

  await advanceEmulatorClock(request, 3 * 60_000 + 1_000)
  await page.getByLabel('6-digit code').fill(await totpCode(request, key))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeFocused()
  await expect(page.getByRole('status')).toContainText('it took more than 3 minutes')
  await expect(page.getByLabel('Email')).toHaveValue(email)

  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByLabel('6-digit code').fill(await totpCode(request, key))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page).toHaveURL(/\/projects$/)
})

test('複数の方法を設定したユーザーは、サインイン時に方法を選んでコードを入力する', async ({
  page,
  request,
}) => {
  await inJapanese(page)
  await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
  const { email } = await userWithFactors(request, 'choose', { totp: true, email: true })
  await page.goto('/sign-in')
  await signInWith(page, email, PASSWORD, JA)

  await expect(page.getByRole('heading', { name: '本人確認の方法を選んでください' })).toBeFocused()
  const choices = page.getByRole('group', { name: 'コードの受け取り方法' })
  await expect(choices.getByRole('radio')).toHaveCount(2)
  await choices.getByRole('radio', { name: 'メール' }).check()
  await page.getByRole('button', { name: '続ける' }).click()

  await expect(page.getByRole('heading', { name: 'サインインコードの入力' })).toBeFocused()
  await page
    .getByLabel('6 桁のコード')
    .fill(await fromInboxPanel(page, email, 'メールのサインインコード'))
  await page.getByRole('button', { name: '確認' }).click()
  await expect(page).toHaveURL(/\/projects$/)
})
