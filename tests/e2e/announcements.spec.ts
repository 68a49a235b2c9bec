import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEFAULT_CLIENT_ID } from 'local-aws/defaults'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'
import { API_PATH } from './projects-support'

/**
 * Every notice reaches a screen reader: either its live region was in the page,
 * empty and not hidden, before its text arrived (a region that appears holding
 * its text, or is display:none until then, is often not read), or focus moves
 * onto it or onto the field it describes, which reads it.
 */

interface Announcement {
  text: string
  /** Its region was in the accessibility tree, empty, before the text came. */
  regionReady: boolean
  /** Focus was on it, in it, or on an element it describes, as the page reacted to it. */
  focused: boolean
  /** The page has finished reacting to it (it went idle since), so `focused` is final. */
  settled: boolean
}

/** From now on (until the next full page load), records every text a live region gets. */
async function watchAnnouncements(page: Page) {
  await page.evaluate(() => {
    const log: Announcement[] = []
    const seen = new Map<Element, { visible: boolean; text: string }>()
    const selector = '[role=status], [role=alert], [aria-live]:not([aria-live=off])'
    const isFocusedOn = (region: Element) => {
      const active = document.activeElement
      if (!active || active === document.body) return false
      if (region.contains(active) || active.contains(region)) return true
      const described = (active.getAttribute('aria-describedby') ?? '').split(/\s+/)
      return described.some((id) => id && document.getElementById(id)?.contains(region))
    }
    // Focus moves in an effect, after the text is on screen: each notice is
    // watched until the page next goes idle, which is after its effects have
    // run, however slowly a busy machine runs them (the timeout only keeps a
    // page that never idles from waiting forever: it runs after tasks already
    // queued, as the effects are). Where a test goes on to type in the field
    // at fault, it first checks that focus is already there.
    const watched = new Set<{ entry: Announcement; region: Element }>()
    const checkFocus = () => {
      for (const { entry, region } of watched) entry.focused ||= isFocusedOn(region)
    }
    addEventListener('focusin', checkFocus, true)
    const scan = (initial: boolean) => {
      for (const region of document.querySelectorAll(selector)) {
        // ui-react's show-password switch says whether the password shows; it is
        // in the page with its field and changes only when the switch is pressed.
        if (region.closest('.amplify-field__show-password')) continue
        const text = region.textContent?.trim() ?? ''
        const before = seen.get(region)
        if (!initial && text !== '' && text !== before?.text) {
          // Announced if the region was in the accessibility tree before this text came.
          const entry = {
            text,
            regionReady: before?.visible ?? false,
            focused: false,
            settled: false,
          }
          log.push(entry)
          const item = { entry, region }
          watched.add(item)
          checkFocus()
          requestIdleCallback(
            () => {
              checkFocus()
              watched.delete(item)
              entry.settled = true
            },
            { timeout: 1_000 },
          )
        }
        seen.set(region, { visible: region.checkVisibility(), text })
      }
    }
    scan(true)
    new MutationObserver(() => scan(false)).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'style'],
    })
    ;(window as unknown as { announcements: Announcement[] }).announcements = log
  })
}

async function expectAnnounced(page: Page, texts: RegExp[]) {
  const announcements = () =>
    page.evaluate(() => (window as unknown as { announcements: Announcement[] }).announcements)
  await expect
    .poll(async () => (await announcements()).every((entry) => entry.settled), 'notices settled')
    .toBe(true)
  const log = await announcements()
  for (const text of texts) {
    expect(log.map((entry) => entry.text).join('\n'), 'the notices that arrived').toMatch(text)
  }
  expect(
    log.filter((entry) => !entry.regionReady && !entry.focused),
    'notices whose region appeared with its text, with no focus on them',
  ).toEqual([])
}

const submit = (page: Page) => page.locator('main form button[type=submit]').first()
const field = (page: Page, name: string) => page.locator(`main input[name=${name}]`)

test('auth notices: errors, a new code, a changed password, the notice on arriving at sign-in', async ({
  page,
  request,
}) => {
  const email = await createConfirmedUser(request, uniqueEmail('announce'))
  const unconfirmed = uniqueEmail('announce-unconfirmed')
  await cognito(request, 'SignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: unconfirmed,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: unconfirmed }],
  })
  await page.goto('/sign-up/confirm')
  await expect(page.locator('h1')).toBeFocused()
  await watchAnnouncements(page)
  await page.getByRole('button', { name: 'Send a new code' }).click()
  await expect(page.locator('.resend-code .form-alert-slot')).toBeFocused()
  await field(page, 'email').fill(unconfirmed)
  await page.getByRole('button', { name: 'Send a new code' }).click()
  await expect(page.getByText('A new code is on its way')).toBeVisible()
  await expectAnnounced(page, [/Enter your email address/, /A new code is on its way/])

  await page.goto('/sign-in?next=%2Faccount')
  await expect(page.locator('h1')).toBeFocused()
  await watchAnnouncements(page)
  await field(page, 'email').fill(email)
  await field(page, 'password').fill('Not-The-Password1')
  await submit(page).click()
  await expect(field(page, 'password')).toBeFocused()
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(page).toHaveURL(/\/account$/)
  await field(page, 'password').fill(PASSWORD)
  await field(page, 'newPassword').fill('Brand-New-Pass9')
  await submit(page).click()
  await expect(page.getByText('Your password is changed.')).toBeVisible()
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status')).toHaveText('You are signed out.')
  await expectAnnounced(page, [
    /The email or password is wrong/,
    /Your password is changed/,
    /You are signed out/,
  ])
})

test('projects notices: created, a failed create, deleted with undo', async ({ page, request }) => {
  const email = await createConfirmedUser(request, uniqueEmail('announce'))
  const name = `Announced ${Date.now()}`
  await page.goto('/sign-in?next=%2Fprojects')
  await field(page, 'email').fill(email)
  await field(page, 'password').fill(PASSWORD)
  await submit(page).click()
  await expect(page.getByRole('button', { name: 'Create project' })).toBeVisible()
  // The list's count region comes with the list: start from a list that is shown
  // (the shared list may be empty when this runs alone), so it is in the page already.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`${name} first`)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('list', { name: 'Projects' })).toBeVisible()
  await watchAnnouncements(page)

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByText(`Created “${name}”`)).toBeVisible()
  await page.route(`**${API_PATH}`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 500, json: { message: 'Internal server error' } })
      : route.fallback(),
  )
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`${name} fails`)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByText(/Could not create/)).toBeVisible()
  await page.unrouteAll()
  await page.getByRole('button', { name: `Delete “${name}”` }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused()
  await expectAnnounced(page, [/Created “Announced/, /Could not create/, /Deleted “Announced/])
})
