import { test as base, expect } from '@playwright/test'

/**
 * Every page in the browser tests fails its test on a Content-Security-Policy
 * violation or an uncaught error: both are things a user of the real
 * deployment (served under the same CSP) would hit.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          problems.push(`csp: ${message.text()}`)
        }
      })
      await use(problems)
      expect(problems, 'CSP violations or uncaught errors on the page').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
