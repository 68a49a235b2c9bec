/**
 * The emulator these tests talk to through msw (setup.ts resets it before each
 * test), with the same helpers any app's tests get from `local-aws/testing`.
 */
import { createTestEmulator } from '../src/testing/msw.ts'

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
} = emulator
