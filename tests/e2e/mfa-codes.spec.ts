import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { latestCode, PASSWORD } from './local-aws'
import {
  advanceEmulatorClock,
  fromInboxPanel,
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

  test(`SMS and e-mail sign-in codes arrive in the inbox and complete the sign-in (${language})`, async ({
    page,
    request,
  }) => {
    await startIn(page, language)
    await poolMfa(request, 'OPTIONAL', { sms: true, email: true })
    const phone = '+15555550142'
    const bySms = await userWithFactors(request, 'sms', { sms: phone })
    const byEmail = await userWithFactors(request, 'mail', { email: true })

    await page.goto('/sign-in')
    await signInWith(page, bySms.email, PASSWORD, language)
    await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
    await expect(page.getByText(t.bySms('+*******0142'))).toBeVisible()
    await page.getByLabel(t.code).fill(await fromInboxPanel(page, phone, t.inbox.sms))
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page).toHaveURL(/\/projects$/)
    await signOut(page, language)

    await signInWith(page, byEmail.email, PASSWORD, language)
    await expect(page.getByText(t.byEmail)).toBeVisible()
    await page.getByLabel(t.code).fill(await fromInboxPanel(page, byEmail.email, t.inbox.email))
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page).toHaveURL(/\/projects$/)
  })

  test(`a wrong code is refused next to the field; a challenge answered after 3 minutes starts over (${language})`, async ({
    page,
    request,
  }) => {
    await startIn(page, language)
    await poolMfa(request, 'OPTIONAL', { totp: true })
    const { email, key } = await userWithFactors(request, 'late', { totp: true })
    await page.goto('/sign-in')
    await signInWith(page, email, PASSWORD, language)
    await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
    const right = await totpCode(request, key)
    await page.getByLabel(t.code).fill(right === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page.getByLabel(t.code)).toBeFocused()
    await expect(page.getByRole('alert').filter({ hasText: t.wrongCode })).toBeVisible()

    // The challenge's session lasts 3 minutes, on the emulator's clock.
    await advanceEmulatorClock(request, 3 * 60_000 + 1_000)
    await page.getByLabel(t.code).fill(await totpCode(request, key))
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page.getByRole('heading', { name: t.signIn, exact: true })).toBeFocused()
    await expect(page.getByRole('status')).toContainText(t.stepExpired)
    await expect(page.getByLabel(t.email)).toHaveValue(email)

    await page.getByLabel(t.password, { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: t.signIn }).click()
    await page.getByLabel(t.code).fill(await totpCode(request, key))
    await page.getByRole('button', { name: t.verify }).click()
    await expect(page).toHaveURL(/\/projects$/)
  })
}

test('複数の方法を設定したユーザーは、サインイン時に方法を選んでコードを入力する', async ({
  page,
  request,
}) => {
  const t = UI.ja
  await startIn(page, 'ja')
  await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
  const { email } = await userWithFactors(request, 'choose', { totp: true, email: true })
  await page.goto('/sign-in')
  await signInWith(page, email, PASSWORD, 'ja')

  await expect(page.getByRole('heading', { name: t.chooseTitle })).toBeFocused()
  const choices = page.getByRole('group', { name: t.chooseLegend })
  await expect(choices.getByRole('radio')).toHaveCount(2)
  await choices.getByRole('radio', { name: t.emailMethod }).check()
  await page.getByRole('button', { name: t.continue }).click()

  await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
  await page.getByLabel(t.code).fill(await fromInboxPanel(page, email, t.inbox.email))
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page).toHaveURL(/\/projects$/)
})

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 12; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target, 'reached with Tab').toBeFocused()
}

test('by keyboard only: sign in, choose the e-mailed code among two factors, type it', async ({
  page,
  request,
}) => {
  const t = UI.en
  await startIn(page, 'en')
  await poolMfa(request, 'OPTIONAL', { totp: true, email: true })
  const { email } = await userWithFactors(request, 'keys', { totp: true, email: true })
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: t.signIn, exact: true })).toBeFocused()
  await tabTo(page, page.getByLabel(t.email))
  await page.keyboard.type(email)
  await tabTo(page, page.getByLabel(t.password, { exact: true }))
  await page.keyboard.type(PASSWORD)
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: t.chooseTitle })).toBeFocused()
  const choices = page.getByRole('group', { name: t.chooseLegend })
  // The first factor is chosen; the arrow keys move the choice, as in any radio group.
  await tabTo(page, choices.getByRole('radio', { checked: true }))
  await page.keyboard.press('ArrowDown')
  await expect(choices.getByRole('radio', { name: t.emailMethod })).toBeChecked()
  await expect(choices.getByRole('radio', { name: t.emailMethod })).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: t.continue }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
  await tabTo(page, page.getByLabel(t.code))
  // The e-mail is read outside the page, as the user would read it on their phone.
  await page.keyboard.type(await latestCode(request, email))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/projects$/)
})
