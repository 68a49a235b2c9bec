// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConfigEnv, UserConfig } from 'vite'
import defineAppConfig from '../../vite.config'

const resolve = (env: ConfigEnv) => (defineAppConfig as (env: ConfigEnv) => UserConfig)(env)
const build = (mode: string): ConfigEnv => ({ command: 'build', mode })

describe('building the app (vite.config.ts)', () => {
  // Vitest itself runs in local mode, with the emulator's settings in process.env.
  const clearSettings = () => {
    for (const name of Object.keys(process.env).filter((key) => key.startsWith('VITE_'))) {
      vi.stubEnv(name, undefined)
    }
  }
  beforeEach(clearSettings)
  afterEach(() => vi.unstubAllEnvs())

  it('refuses a production build with no AWS settings, naming what to set', () => {
    expect(() => resolve(build('production'))).toThrow(
      /VITE_USER_POOL_ID, VITE_USER_POOL_CLIENT_ID, VITE_API_URL.*--mode emulator/,
    )
  })

  it('names the settings still missing from a partial configuration', () => {
    vi.stubEnv('VITE_USER_POOL_ID', 'us-east-2_AbC123xyz')
    expect(() => resolve(build('production'))).toThrow(
      'Missing settings for a build against AWS: VITE_USER_POOL_CLIENT_ID, VITE_API_URL.',
    )
  })

  it('builds for a real pool without the emulator, and the emulator demo only on purpose', () => {
    vi.stubEnv('VITE_USER_POOL_ID', 'us-east-2_AbC123xyz')
    vi.stubEnv('VITE_USER_POOL_CLIENT_ID', '1example23456789')
    vi.stubEnv('VITE_API_URL', '/dev_1')
    const real = resolve(build('production'))
    expect(real.define).toEqual({
      'import.meta.env.VITE_LOCAL_AWS': '"false"',
      // Always defined: without providers, the sign-in screens' buttons are dropped from the build.
      'import.meta.env.VITE_OAUTH_PROVIDERS': '""',
      // Each build is named, so what one kept in the browser another drops.
      'import.meta.env.VITE_BUILD_ID': expect.stringMatching(/^"[\w.]*-\d+"$/),
    })
    expect(JSON.stringify(real.plugins)).not.toContain('local-aws')

    clearSettings()
    const demo = resolve(build('emulator'))
    expect(demo.define?.['import.meta.env.VITE_API_URL']).toBe('"/local-aws/dev_1"')
    expect(JSON.stringify(demo.plugins)).toContain('local-aws')
  })
})
