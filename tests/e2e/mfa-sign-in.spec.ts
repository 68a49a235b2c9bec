import { expect, test } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { fromInboxPanel, LANGUAGES, signInWith, signOut, startIn, UI } from './mfa-support'

const NEW_PASSWORD = 'Own-Choice-77'

for (const language of LANGUAGES) {
  const t = UI[language]

  test(`an invited user signs in with the e-mailed temporary password and chooses their own (${language})`, async ({
    page,
    request,
  }) => {
    await startIn(page, language)
    const email = uniqueEmail('invited')
    await cognito(request, 'AdminCreateUser', { UserPoolId, Username: email })
    await page.goto('/projects')
    const temporary = await fromInboxPanel(page, email, t.inbox.invitation)
    await signInWith(page, email, temporary, language)

    await expect(page.getByRole('heading', { name: t.newPasswordTitle })).toBeFocused()
    // The pool's rules are listed before typing.
    await expect(page.getByText(t.ruleLength)).toBeVisible()
    await page.getByLabel(t.newPassword, { exact: true }).fill('short')
    await page.getByRole('button', { name: t.savePassword }).click()
    await expect(page.getByLabel(t.newPassword, { exact: true })).toBeFocused()
    await expect(page.getByRole('alert').filter({ hasText: t.tooShort })).toBeVisible()
    await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD)
    await page.getByRole('button', { name: t.savePassword }).click()
    await expect(page).toHaveURL(/\/projects$/)

    // The temporary password is spent; the chosen one works.
    await signOut(page, language)
    await signInWith(page, email, temporary, language)
    await expect(page.getByText(t.wrongPassword)).toBeVisible()
    await signInWith(page, email, NEW_PASSWORD, language)
    await expect(page).toHaveURL(/\/projects$/)
  })

  test(`a user whose password an administrator reset chooses a new one with the e-mailed code, then signs in (${language})`, async ({
    page,
    request,
  }) => {
    await startIn(page, language)
    const email = await createConfirmedUser(request, uniqueEmail('reset'))
    await cognito(request, 'AdminResetUserPassword', { UserPoolId, Username: email })
    await page.goto('/sign-in')
    await signInWith(page, email, PASSWORD, language)

    await expect(page).toHaveURL(/\/forgot-password/)
    await expect(page.getByRole('heading', { name: t.resetTitle })).toBeFocused()
    await expect(page.getByText(t.resetRequired)).toBeVisible()
    const code = await fromInboxPanel(page, email, t.inbox.adminReset)
    await page.getByLabel(t.resetCode).fill(code)
    await page.getByLabel(t.newPassword, { exact: true }).fill(NEW_PASSWORD)
    await page.getByRole('button', { name: t.changePassword }).click()

    await expect(page.getByRole('status')).toContainText(t.passwordChanged)
    // The old password no longer works.
    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: t.signIn }).click()
    await expect(page.getByText(t.wrongPassword)).toBeVisible()
    await page.getByLabel(t.password, { exact: true }).fill(NEW_PASSWORD)
    await page.getByRole('button', { name: t.signIn }).click()
    await expect(page).toHaveURL(/\/projects$/)
  })
}
