import { expect, test } from './fixtures'
import { createConfirmedUser, latestCode, PASSWORD, uniqueEmail } from './local-aws'
import {
  LANGUAGES,
  poolMfa,
  signInWith,
  signOut,
  startIn,
  totpCode,
  UI,
  userWithFactors,
} from './mfa-support'

// These tests change the pool every spec shares: put MFA back off after each.
test.afterEach(async ({ request }) => poolMfa(request, 'OFF'))

for (const language of LANGUAGES) {
  const t = UI[language]

  test(`sets up an authenticator app on the account page, signs in with its code, then turns it off (${language})`, async ({
    page,
    request,
  }) => {
    await startIn(page, language)
    await poolMfa(request, 'OPTIONAL', { totp: true })
    const email = await createConfirmedUser(request, uniqueEmail('totp'))
    await page.goto('/account')
    await signInWith(page, email, PASSWORD, language)

    const section = page.getByRole('region', { name: t.mfaSection })
    await expect(section).toContainText(t.totpOff)
    await section.getByRole('button', { name: t.setUpTotp }).click()
    await expect(section.getByRole('img', { name: t.qrCode })).toBeVisible()
    const key = await section.getByTestId('totp-secret').innerText()
    expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/)
    await section.getByLabel(t.code).fill('123')
    await section.getByRole('button', { name: t.turnOn }).click()
    await expect(section.getByRole('alert').filter({ hasText: t.wrongCode })).toBeVisible()
    await section.getByLabel(t.code).fill(await totpCode(request, key))
    await section.getByRole('button', { name: t.turnOn }).click()
    await expect(section.getByRole('status').filter({ hasText: t.totpIsOn })).toBeVisible()
    await expect(section).toContainText(t.totpOnState)

    await signOut(page, language)
    await signInWith(page, email, PASSWORD, language)
    await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
    await page.getByLabel(t.code).fill(await totpCode(request, key))
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page).toHaveURL(/\/projects$/)
    await page.getByRole('banner').getByRole('link', { name: t.account }).click()

    await section.getByRole('button', { name: t.turnOffTotp }).click()
    await expect(section).toContainText(t.totpOff)
    await signOut(page, language)
    await signInWith(page, email, PASSWORD, language)
    await expect(page).toHaveURL(/\/projects$/)
  })

  test(`with MFA required for everyone, the first sign-in sets up an authenticator app (${language})`, async ({
    page,
    request,
  }) => {
    await startIn(page, language)
    await poolMfa(request, 'ON', { totp: true })
    const email = await createConfirmedUser(request, uniqueEmail('required'))
    await page.goto('/account')
    await signInWith(page, email, PASSWORD, language)

    await expect(page.getByRole('heading', { name: t.totpSetupTitle })).toBeFocused()
    await expect(page.getByRole('img', { name: t.qrCode })).toBeVisible()
    const key = await page.getByTestId('totp-secret').innerText()
    await page.getByLabel(t.code).fill(await totpCode(request, key))
    await page.getByRole('button', { name: t.verify }).click()

    const section = page.getByRole('region', { name: t.mfaSection })
    await expect(section).toContainText(t.requiredForEveryone)
    await expect(section).toContainText(t.totpOnState)
    // Required for everyone: the only factor can't be turned off.
    await expect(section.getByRole('button', { name: t.turnOffTotp })).toHaveCount(0)

    // The next sign-in asks for the app's code.
    await signOut(page, language)
    await signInWith(page, email, PASSWORD, language)
    await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
    await page.getByLabel(t.code).fill(await totpCode(request, key))
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page).toHaveURL(/\/projects$/)
  })
}

test('with two factors on, the one chosen on the account page is the one sign-in asks for', async ({
  page,
  request,
}) => {
  const t = UI.en
  await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
  const { email, key } = await userWithFactors(request, 'prefer', { totp: true, email: true })
  await page.goto('/account')
  await signInWith(page, email, PASSWORD, 'en')
  // Nothing preferred yet: sign-in asks which one.
  await expect(page.getByRole('heading', { name: t.chooseTitle })).toBeFocused()
  await page.getByRole('radio', { name: 'Authenticator app' }).check()
  await page.getByRole('button', { name: t.continue }).click()
  await page.getByLabel(t.code).fill(await totpCode(request, key))
  await page.getByRole('button', { name: t.verify }).click()

  const section = page.getByRole('region', { name: t.mfaSection })
  const askFirst = section.getByRole('group', { name: 'Ask me first for' })
  // The choice shows once Cognito has saved it.
  await askFirst.getByRole('radio', { name: 'E-mail' }).click()
  await expect(section.getByRole('status')).toHaveText('Saved.')
  await expect(section).toContainText('E-mail: On (asked first)')
  await expect(askFirst.getByRole('radio', { name: 'E-mail' })).toBeChecked()

  await signOut(page, 'en')
  await signInWith(page, email, PASSWORD, 'en')
  await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
  await expect(page.getByText(t.byEmail)).toBeVisible()
  await page.getByLabel(t.code).fill(await latestCode(request, email))
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page).toHaveURL(/\/projects$/)
})

test('the account page has no two-step section when the pool has MFA off', async ({
  page,
  request,
}) => {
  const email = await createConfirmedUser(request, uniqueEmail('no-mfa'))
  await page.goto('/account')
  await signInWith(page, email, PASSWORD, 'en')
  await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeVisible()
  await expect(page.getByRole('heading', { name: UI.en.mfaSection })).toHaveCount(0)
})
