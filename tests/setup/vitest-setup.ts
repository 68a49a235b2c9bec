import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import { resetLocalAws, server } from './local-aws.ts'

// ui-react runs through Vite here (vite.config.ts), so the screens use the theme the
// build gives it; that takes a moment to load in each file. Files that draw the auth
// screens load it before their tests, so a test's first screen isn't slowed by it.
if (/[\\/]src[\\/](features[\\/]auth|app)[\\/]/.test(expect.getState().testPath ?? '')) {
  await import('@aws-amplify/ui-react')
}

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
  // The build's ui-react theme has no design tokens (build/ui-theme-without-tokens.ts): a
  // style prop on a primitive (`gap="small"`) would come out as an invalid inline style. The
  // app styles the primitives with CSS only, so an inline style on one is a slip, but for the
  // size ui-react gives its own icons.
  const styledPrimitives =
    typeof document === 'undefined'
      ? []
      : [...document.querySelectorAll('[class*="amplify-"][style]')]
          .filter(
            (element) =>
              !(
                element.classList.contains('amplify-icon') &&
                element.getAttribute('style') === 'width: 1em; height: 1em;'
              ),
          )
          .map((element) => element.outerHTML.slice(0, 200))
  cleanup()
  expect(styledPrimitives, 'ui-react primitives given style props').toEqual([])
  server.resetHandlers()
  // Node-environment tests (`// @vitest-environment node`) have no localStorage.
  if (typeof localStorage !== 'undefined') localStorage.clear()
  // Each test is a fresh tab too (the session's ending is kept per tab: src/lib/auth.ts).
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})
