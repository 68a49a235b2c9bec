import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

/**
 * Browser tests run the production build (`vite build --mode emulator`) under
 * `vite preview`, which mounts the local emulator and serves the strict CSP.
 * Playwright can't download its own browser here: it drives an installed Chromium.
 */
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
)
if (!chromium) {
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: ' +
      '`sudo apt-get install -y chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  )
}

// Workers inherit the environment, so the port and state folder chosen here are shared.
process.env.E2E_PORT ??= String(41000 + Math.floor(Math.random() * 2000))
process.env.LOCAL_AWS_STATE_DIR ??= mkdtempSync(join(tmpdir(), 'local-aws-e2e-'))
const port = Number(process.env.E2E_PORT)
const baseURL = `http://127.0.0.1:${port}`

// A second build with choice-based sign-in, served with its own emulator state, and
// browsed on localhost: WebAuthn refuses an IP address as the relying-party id.
process.env.E2E_PASSWORDLESS_PORT ??= String(port + 1)
process.env.LOCAL_AWS_PASSWORDLESS_STATE_DIR ??= mkdtempSync(join(tmpdir(), 'local-aws-e2e-pl-'))
const passwordlessPort = Number(process.env.E2E_PASSWORDLESS_PORT)
const PASSWORDLESS = /passwordless\.spec\.ts$/

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // As Playwright's own template does: on CI a failure is tried once more and,
  // if it then passes, listed as flaky rather than blocking the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: PASSWORDLESS },
    {
      name: 'passwordless',
      testMatch: PASSWORDLESS,
      use: { baseURL: `http://localhost:${passwordlessPort}` },
    },
  ],
  webServer: [
    {
      command: `npx vite build --mode emulator --logLevel warn && npx vite preview --mode emulator --port ${port} --strictPort`,
      url: `${baseURL}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      // Lets a test expire a sign-in challenge (tests/e2e/local-aws.ts advanceEmulatorClock).
      env: { ...(process.env as Record<string, string>), LOCAL_AWS_CLOCK_CONTROL: '1' },
    },
    {
      command: `npx vite build --mode emulator --logLevel warn --outDir dist-passwordless && npx vite preview --mode emulator --outDir dist-passwordless --port ${passwordlessPort} --strictPort`,
      url: `http://127.0.0.1:${passwordlessPort}/`,
      env: {
        ...(process.env as Record<string, string>),
        VITE_SIGN_IN_METHODS: 'passkey,email-code,password',
        LOCAL_AWS_STATE_DIR: process.env.LOCAL_AWS_PASSWORDLESS_STATE_DIR,
        // The MFA test computes authenticator codes at the emulator's time (mfa-support.ts).
        LOCAL_AWS_CLOCK_CONTROL: '1',
      },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
