import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
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
  cleanup()
  server.resetHandlers()
  // Node-environment tests (`// @vitest-environment node`) have no localStorage.
  if (typeof localStorage !== 'undefined') localStorage.clear()
})
