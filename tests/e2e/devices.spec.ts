/**
 * Remembered devices, with MFA on (authenticator app) and the pool
 * remembering a device when its user says so (DeviceOnlyRememberedOnUserPrompt,
 * ChallengeRequiredOnNewDevice): the local-mode build reads the emulator's
 * pool, as `LOCAL_AWS_DEVICES=prompt npm run dev` would, so no build of its
 * own is needed. Each browser context is a browser with its own storage, so
 * its own device.
 */
import AxeBuilder from '@axe-core/playwright'
import { devices, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { DEFAULT_USER_POOL_ID as UserPoolId } from 'local-aws/defaults'
import { expect, test } from './fixtures'
import { cognito, PASSWORD } from './local-aws'
import {
  LANGUAGES,
  poolMfa,
  signInWith,
  signOut,
  startIn,
  totpCode,
  UI,
  userWithFactors,
  type Language,
} from './mfa-support'

const DEVICES = {
  en: {
    remember: 'Remember this browser',
    section: 'Browsers you sign in with',
    onPrompt: 'A browser you chose to remember at sign-in signs in without the code',
    // Desktop Chrome's, on Windows, as Playwright presents it; Chromium's brand unless the
    // tests are pointed at Google Chrome (CHROMIUM_PATH).
    name: /Chrom(e|ium) on Windows/,
    thisBrowser: '(this browser)',
    remembered: /last sign-in .+, remembered/,
    notRemembered: 'not remembered: asks for the code',
    forgetThis: 'Forget this browser',
    forgetOther: /^Forget Chrom(e|ium) on Windows$/,
    forgottenThis: 'This browser is forgotten: your next sign-in here asks for the code.',
    forgottenOther: /^Chrom(e|ium) on Windows is forgotten: its next sign-in asks for the code\.$/,
  },
  ja: {
    remember: 'このブラウザーを記憶する',
    section: 'サインインに使うブラウザー',
    onPrompt: 'サインイン時に記憶することを選んだブラウザーでは',
    name: /Windows の Chrom(e|ium)/,
    thisBrowser: '(このブラウザー)',
    remembered: /最終サインイン .+、記憶済み/,
    notRemembered: '記憶していません (コードが必要)',
    forgetThis: 'このブラウザーの記憶を解除',
    forgetOther: /^Windows の Chrom(e|ium) の記憶を解除$/,
    forgottenThis:
      'このブラウザーの記憶を解除しました。次回このブラウザーでサインインするときはコードが必要です。',
    forgottenOther:
      /^Windows の Chrom(e|ium) の記憶を解除しました。次回のサインインではコードが必要です。$/,
  },
}

/** The pool every spec shares: devices remembered on the user's prompt, and back to none after. */
async function poolDevices(request: APIRequestContext, on: boolean) {
  await cognito(request, 'UpdateUserPool', {
    UserPoolId,
    DeviceConfiguration: on
      ? { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true }
      : {},
  })
}

test.afterEach(async ({ request }) => {
  await poolDevices(request, false)
  await poolMfa(request, 'OFF')
})

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** A sign-in that Cognito answers with the code step: the code typed, this browser remembered or not. */
async function signInWithCode(
  page: Page,
  request: APIRequestContext,
  user: { email: string; key: string },
  language: Language,
  remember: boolean,
) {
  await signInWith(page, user.email, PASSWORD, language)
  await answerCode(page, request, user.key, language, remember)
}

async function answerCode(
  page: Page,
  request: APIRequestContext,
  key: string,
  language: Language,
  remember: boolean,
) {
  const t = { ...UI[language], ...DEVICES[language] }
  await expect(page.getByRole('heading', { name: t.codeTitle })).toBeFocused()
  // Nothing went wrong on the way: no error beside the code step.
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.getByLabel(t.code).fill(await totpCode(request, key))
  const box = page.getByRole('checkbox', { name: t.remember })
  await expect(box).not.toBeChecked()
  if (remember) {
    // By keyboard, as the form is used without a mouse.
    await box.focus()
    await page.keyboard.press('Space')
    await expect(box).toBeChecked()
  }
  await page.getByRole('button', { name: t.verify }).click()
  await expect(page).toHaveURL(/\/projects$/)
}

/** A sign-in with the password alone: the browser is remembered, so no code is asked. */
async function signInWithoutCode(page: Page, email: string, language: Language) {
  await signInWith(page, email, PASSWORD, language)
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByRole('heading', { name: UI[language].codeTitle })).toHaveCount(0)
}

async function openDevices(page: Page, language: Language) {
  const t = DEVICES[language]
  await page.getByRole('banner').getByRole('link', { name: UI[language].account }).click()
  const section = page.getByRole('region', { name: t.section })
  await expect(section.getByRole('listitem').first()).toBeVisible()
  return section
}

async function newBrowser(browser: Browser, baseURL: string | undefined, language: Language) {
  const context = await browser.newContext({ ...devices['Desktop Chrome'], baseURL })
  const page = await context.newPage()
  await startIn(page, language)
  return { context, page }
}

for (const language of LANGUAGES) {
  const t = { ...UI[language], ...DEVICES[language] }

  test(`a remembered browser signs in without the code until it is forgotten; another browser is asked (${language})`, async ({
    page,
    request,
    browser,
    baseURL,
  }) => {
    await startIn(page, language)
    await poolMfa(request, 'OPTIONAL', { totp: true })
    const user = await userWithFactors(request, 'device', { totp: true })
    await poolDevices(request, true)

    // The code step offers to remember this browser.
    await page.goto('/sign-in')
    await signInWith(page, user.email, PASSWORD, language)
    await expect(page.getByRole('checkbox', { name: t.remember })).toBeVisible()
    await expectNoAxeViolations(page)
    await answerCode(page, request, user.key, language, true)

    // Remembered: signed out and in again, the password is enough.
    await signOut(page, language)
    await signInWithoutCode(page, user.email, language)

    // The account page lists this browser, remembered.
    let section = await openDevices(page, language)
    await expect(section.getByText(t.onPrompt)).toBeVisible()
    await expect(section.getByRole('listitem')).toHaveCount(1)
    const mine = section.getByRole('listitem').filter({ hasText: t.thisBrowser })
    await expect(mine).toContainText(t.name)
    await expect(mine).toContainText(t.remembered)
    await expectNoAxeViolations(page)

    // Forgotten here, by keyboard: the next sign-in asks for the code again.
    await mine.getByRole('button', { name: t.forgetThis }).focus()
    await page.keyboard.press('Enter')
    await expect(section.getByRole('status').filter({ hasText: t.forgottenThis })).toBeVisible()
    await expect(section.getByRole('heading', { name: t.section })).toBeFocused()
    await signOut(page, language)
    await signInWithCode(page, request, user, language, true)
    await signOut(page, language)
    await signInWithoutCode(page, user.email, language)

    // A second browser is a new device: asked for the code (ChallengeRequiredOnNewDevice).
    const second = await newBrowser(browser, baseURL, language)
    try {
      await second.page.goto('/sign-in')
      await signInWithCode(second.page, request, user, language, false)
      section = await openDevices(second.page, language)
      await expect(section.getByRole('listitem')).toHaveCount(2)
      const itself = section.getByRole('listitem').filter({ hasText: t.thisBrowser })
      await expect(itself).toContainText(t.notRemembered)
      // It forgets the first browser, from afar.
      await section.getByRole('button', { name: t.forgetOther }).click()
      await expect(section.getByRole('status').filter({ hasText: t.forgottenOther })).toBeVisible()
      await expect(section.getByRole('listitem')).toHaveCount(1)
    } finally {
      await second.context.close()
    }

    // The first browser, forgotten elsewhere, is asked for the code again, with no error.
    await signOut(page, language)
    await signInWithCode(page, request, user, language, false)
  })
}
