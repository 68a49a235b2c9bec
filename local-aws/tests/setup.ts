import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { resetLocalAws, server } from './emulator.ts'

// Every request must be answered by the emulator or by a test's own handler.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

beforeEach(() => {
  // The emulator reports through its log, never console.error: a call is a bug.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
  resetLocalAws()
})

afterEach(() => {
  server.resetHandlers()
  // jsdom tests (`// @vitest-environment jsdom`) run Amplify, which keeps its session here.
  if (typeof localStorage !== 'undefined') localStorage.clear()
})
