/**
 * The local AWS for the app's unit and component tests: a fresh in-memory
 * emulator per test (tests/setup/vitest-setup.ts resets it), reached through
 * msw at the origin jsdom gives the app.
 */
import { createTestEmulator } from 'local-aws/testing'

/** jsdom's origin; the app in tests reaches the emulator at `${LOCAL_ORIGIN}/local-aws`. */
export const LOCAL_ORIGIN = 'http://localhost:3000'

const emulator = createTestEmulator({ origin: LOCAL_ORIGIN })

export const COGNITO_ENDPOINT = emulator.cognitoEndpoint
export const {
  server,
  localAws,
  reset: resetLocalAws,
  cognito,
  createUser,
  signIn,
  latestCode,
  projects,
  seedProjects,
  rememberDevices,
} = emulator
