import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import { resetLocalAws, server } from './local-aws.ts'

// Every request the app makes must be answered by the local AWS or by a test's override.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

// A console.error in a test is a bug the user would see in the console: fail on it.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
  resetLocalAws()
})

afterEach(() => {
  // Builds give ui-react a theme without design tokens (build/ui-theme-without-tokens.ts):
  // a screen styled from them here, with the real theme, would lose that style there.
  const tokenStyled =
    typeof document === 'undefined'
      ? []
      : [...document.querySelectorAll('[style]')].filter((element) =>
          element.getAttribute('style')?.includes('var(--amplify-'),
        )
  cleanup()
  expect(
    tokenStyled.map((element) => element.outerHTML.slice(0, 200)),
    'inline styles from ui-react theme tokens',
  ).toEqual([])
  server.resetHandlers()
  // Node-environment tests (`// @vitest-environment node`) have no localStorage.
  if (typeof localStorage !== 'undefined') localStorage.clear()
})
