/**
 * One person's tabs in step (src/features/projects/api/list-across-tabs.ts):
 * what one tab's write answers shows in the others at once, with no request
 * of theirs.
 */
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createConfirmedUser, PASSWORD } from './local-aws'
import { signInWith, startIn, type Language } from './mfa-support'
import { watchRequests } from './projects-support'

const T = {
  en: {
    name: 'Name',
    create: 'Create project',
    list: 'Projects',
    rename: (name: string) => `Rename “${name}”`,
    newName: /^New name/,
  },
  ja: {
    name: '名前',
    create: 'プロジェクトを作成',
    list: 'プロジェクト',
    rename: (name: string) => `「${name}」の名前を変更`,
    newName: /の新しい名前$/,
  },
} satisfies Record<Language, unknown>

async function signIn(page: Page, request: APIRequestContext, language: Language) {
  await startIn(page, language)
  const email = await createConfirmedUser(request)
  await page.goto('/projects')
  await signInWith(page, email, PASSWORD, language)
  await expect(page).toHaveURL(/\/projects$/)
  await expect(page.getByRole('button', { name: T[language].create })).toBeVisible()
  await page.waitForLoadState('networkidle')
}

for (const language of ['en', 'ja'] as const) {
  const t = T[language]
  const list = (page: Page) => page.getByRole('list', { name: t.list, exact: true })

  test(`a create in one tab shows in the other at once, and a rename there comes back, with no request from the tab that shows it (${language})`, async ({
    page,
    context,
    request,
  }) => {
    await signIn(page, request, language)
    const other = await context.newPage()
    await other.goto('/projects')
    await expect(other.getByRole('button', { name: t.create })).toBeVisible()
    await other.waitForLoadState('networkidle')

    const fromOther = watchRequests(other)
    const name = `In step ${Date.now()}`
    await page.getByLabel(t.name, { exact: true }).fill(name)
    await page.getByRole('button', { name: t.create }).click()
    await expect(list(page).getByText(name, { exact: true })).toBeVisible()
    await expect(list(other).getByText(name, { exact: true })).toBeVisible()
    expect(fromOther.api).toEqual([])
    fromOther.stop()

    const fromFirst = watchRequests(page)
    await other.getByRole('button', { name: t.rename(name) }).click()
    await other.getByRole('textbox', { name: t.newName }).fill(`${name} renamed`)
    await other.keyboard.press('Enter')
    await expect(list(other).getByText(`${name} renamed`)).toBeVisible()
    await expect(list(page).getByText(`${name} renamed`)).toBeVisible()
    expect(fromFirst.api).toEqual([])
  })
}
