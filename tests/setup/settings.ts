/**
 * The app as a deployer's build with other settings would run it: the `VITE_*`
 * variables are stubbed and the app's modules imported afresh, so env.ts parses
 * them and Amplify is configured from them, as on a page load of that build.
 * The emulator, its msw server and the test user helpers stay the ones the test
 * setup started.
 */
import { vi } from 'vitest'
import * as localAwsSetup from './local-aws.ts'

export async function withSettings(settings: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value)
  vi.resetModules()
  vi.doMock('./local-aws.ts', () => localAwsSetup)
  const [{ renderApp }, calls, session] = await Promise.all([
    import('./render-app.tsx'),
    import('@/lib/auth-calls'),
    import('@/lib/auth'),
  ])
  return { renderApp, ...calls, ...session }
}

/** Back to the test settings, with Amplify configured for them again; call it after each test. */
export async function restoreSettings() {
  vi.unstubAllEnvs()
  vi.resetModules()
  ;(await import('@/lib/auth-config')).configureAmplify()
}

export type AppWithSettings = Awaited<ReturnType<typeof withSettings>>
