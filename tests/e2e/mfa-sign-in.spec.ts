import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'
import { DEFAULT_USER_POOL_ID as UserPoolId } from '../mocks/local-aws/defaults.ts'
import { fromInboxPanel, inJapanese, JA, signInWith } from './mfa-support'

const NEW_PASSWORD = 'Own-Choice-77'

test('an invited user signs in with the e-mailed temporary password and chooses their own', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('invited')
  await cognito(request, 'AdminCreateUser', { UserPoolId, Username: email })
  await page.goto('/projects')
  const temporary = await fromInboxPanel(page, email, 'invitation: temporary password')
  await signInWith(page, email, temporary)

  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeFocused()
  // The pool's rules are listed before typing.
  await expect(page.getByText('at least 8 characters')).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByLabel('New password', { exact: true })).toBeFocused()
  await expect(page.getByRole('alert').filter({ hasText: 'at least 8 characters' })).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page).toHaveURL(/\/projects$/)

  // The temporary password is spent; the chosen one works.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await signInWith(page, email, temporary)
  await expect(page.getByText('The email or password is wrong.')).toBeVisible()
  await signInWith(page, email, NEW_PASSWORD)
  await expect(page).toHaveURL(/\/projects$/)
})

test('パスワードの再設定が必要なユーザーは、メールのコードで新しいパスワードを決めてサインインする', async ({
  page,
  request,
}) => {
  await inJapanese(page)
  const email = await createConfirmedUser(request, uniqueEmail('reset'))
  await cognito(request, 'AdminResetUserPassword', { UserPoolId, Username: email })
  await page.goto('/sign-in')
  await signInWith(page, email, PASSWORD, JA)

  await expect(page).toHaveURL(/\/forgot-password/)
  await expect(page.getByRole('heading', { name: '新しいパスワードを決める' })).toBeFocused()
  await expect(page.getByText('管理者がパスワードをリセットしたため')).toBeVisible()
  const code = await fromInboxPanel(page, email, '管理者によるリセット')
  await page.getByLabel('メールに記載されたコード').fill(code)
  await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'パスワードを変更' }).click()

  await expect(page.getByRole('status')).toContainText('パスワードを変更しました。')
  await page.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'サインイン' }).click()
  await expect(page).toHaveURL(/\/projects$/)
})
