import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'

/**
 * The sign-in, sign-up and password-reset pages come prerendered at build
 * (src/prerender.tsx), in the visitor's language: the form is on screen with
 * the HTML, and the app takes that very form over (hydrates it) when its code
 * has run.
 */

/** Holds every JS and CSS file until the returned function is called. */
async function holdCode(page: Page) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/[^/]+\.(js|css)$/, async (route) => {
    await released
    await route.continue()
  })
  return release
}

/** Every console error: a hydration that went wrong is reported there. */
function consoleErrors(page: Page) {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

test('what a visitor types before the code arrives is kept, focus stays put, and it signs them in', async ({
  page,
  request,
}) => {
  const errors = consoleErrors(page)
  const email = await createConfirmedUser(request, uniqueEmail('early'))
  const release = await holdCode(page)
  await page.goto('/sign-in', { waitUntil: 'commit' })

  const emailField = page.getByRole('textbox', { name: 'Email' })
  await emailField.fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  // Until the code runs, the browser's own submit would put the password in the address.
  const submit = page.getByRole('button', { name: 'Sign in' })
  await expect(submit).toBeDisabled()
  await page.getByLabel('Password', { exact: true }).press('Enter')
  expect(new URL(page.url()).search).toBe('')
  const prerenderedForm = await page.locator('form').elementHandle()

  release()
  await expect(submit).toBeEnabled()
  // The same form, taken over rather than drawn again, with the typing in it and focus where it was.
  expect(await prerenderedForm?.evaluate((form) => form.isConnected)).toBe(true)
  await expect(emailField).toHaveValue(email)
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused()
  await submit.click()
  await expect(page).toHaveURL(/\/projects$/)
  expect(errors).toEqual([])
})

test('each visitor gets the page in their language from the first byte: the browser’s, or the one they chose', async ({
  browser,
}) => {
  const japanese = await browser.newContext({ locale: 'ja-JP' })
  const page = await japanese.newPage()
  const errors = consoleErrors(page)
  const release = await holdCode(page)
  await page.goto('/sign-in', { waitUntil: 'commit' })
  await expect(page.getByRole('heading', { name: 'サインイン', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await expect(page).toHaveTitle('サインイン · プロジェクト')
  release()
  await expect(page.getByRole('button', { name: 'サインイン' })).toBeEnabled()

  // Switching to English is remembered for the next page load, which is English from the start.
  await page.getByRole('combobox', { name: '言語' }).selectOption('en')
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible()
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  const releaseAgain = await holdCode(page)
  await page.goto('/forgot-password', { waitUntil: 'commit' })
  await expect(page.getByRole('heading', { name: 'Reset your password', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  releaseAgain()
  await expect(page.getByRole('button', { name: 'Send code' })).toBeEnabled()
  expect(errors).toEqual([])
  await japanese.close()
})

test('a language picked before the code arrives is the page’s language once it runs, and stays', async ({
  page,
}) => {
  const errors = consoleErrors(page)
  const release = await holdCode(page)
  await page.goto('/sign-in', { waitUntil: 'commit' })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja')
  // The choice is the browser's alone until React has taken the page over.
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible()

  release()
  await expect(page.getByRole('heading', { name: 'サインイン', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'サインイン' })).toBeEnabled()
  await expect(page.getByRole('combobox', { name: '言語' })).toHaveValue('ja')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await page.reload()
  await expect(page.getByRole('heading', { name: 'サインイン', level: 1 })).toBeVisible()
  expect(errors).toEqual([])
})

test('a signed-in user who opens /sign-in goes on to their projects', async ({ page, request }) => {
  const email = await createConfirmedUser(request, uniqueEmail('back'))
  await page.goto('/sign-in')
  await page.getByRole('textbox', { name: 'Email' }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/projects$/)
  await page.goto('/sign-in')
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByRole('button', { name: 'Create project' })).toBeVisible()
})
