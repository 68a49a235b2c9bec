import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import {
  API_STAGE,
  DEFAULT_CLIENT_ID,
  DEFAULT_USER_POOL_ID,
  LOCAL_AWS_BASE_PATH,
} from 'local-aws/defaults'

/**
 * Browser tests run two builds under `vite preview`, which mounts the local
 * emulator on the app's origin and serves the strict CSP: the local-mode build
 * (`vite build --mode emulator`, what `npm run dev` shows, with the emulator's
 * banner and inbox), and a production build made exactly as `npm run build`
 * makes one, pointed at the emulator, with passwordless sign-in on and the
 * sign-up attributes name and phone_number. Each is built once; the unit tests
 * build nothing.
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

// The production build, served with its own emulator state, and browsed on
// localhost: WebAuthn refuses an IP address as the relying-party id.
process.env.E2E_PRODUCTION_PORT ??= String(port + 1)
process.env.LOCAL_AWS_PRODUCTION_STATE_DIR ??= mkdtempSync(join(tmpdir(), 'local-aws-e2e-prod-'))
const productionPort = Number(process.env.E2E_PRODUCTION_PORT)
/** Where the production build is written; tests/e2e/production-build.spec.ts reads its files. */
const PRODUCTION_DIST = 'dist-production'
const ON_PRODUCTION_BUILD = [
  /passwordless\.spec\.ts$/,
  /production-build\.spec\.ts$/,
  /session-users\.spec\.ts$/,
  /kept-list-preview\.spec\.ts$/,
]
/**
 * Specs that compare the two builds: each of their tests is tagged with the
 * build it needs, `@production-build` or `@local-mode`, and runs on that one.
 */
const ON_BOTH_BUILDS = [/sign-up-attributes\.spec\.ts$/]

/** The settings of a real deployment, naming the emulator on the app's own origin instead of AWS. */
const productionSettings = {
  VITE_USER_POOL_ID: DEFAULT_USER_POOL_ID,
  VITE_USER_POOL_CLIENT_ID: DEFAULT_CLIENT_ID,
  VITE_COGNITO_ENDPOINT: LOCAL_AWS_BASE_PATH,
  VITE_API_URL: `${LOCAL_AWS_BASE_PATH}/${API_STAGE}`,
  VITE_SIGN_IN_METHODS: 'passkey,email-code,password',
  // A pool that requires them at sign-up (tests/e2e/sign-up-attributes.spec.ts).
  VITE_SIGN_UP_ATTRIBUTES: 'name,phone_number',
}
/** The environment without any VITE_ setting a developer may have exported. */
const environment = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('VITE_'),
  ),
)

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
    // Each page load here is a first visit, as each test means it, and Playwright's request
    // routing sees every request: the tests of the service worker allow it (`test.use`).
    serviceWorkers: 'block',
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
    { name: 'local-mode', testIgnore: ON_PRODUCTION_BUILD, grepInvert: /@production-build/ },
    {
      name: 'production',
      testMatch: [...ON_PRODUCTION_BUILD, ...ON_BOTH_BUILDS],
      grepInvert: /@local-mode/,
      use: { baseURL: `http://localhost:${productionPort}` },
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
      env: {
        ...environment,
        // Lets a test expire a sign-in challenge (tests/e2e/local-aws.ts advanceEmulatorClock).
        LOCAL_AWS_CLOCK_CONTROL: '1',
        // Local mode's Google, and a company's own provider that tests/e2e/oauth.spec.ts adds to the pool.
        VITE_OAUTH_PROVIDERS: 'Google,AcmeCorp',
      },
    },
    {
      command: `npx vite build --logLevel warn --outDir ${PRODUCTION_DIST} && npx vite preview --outDir ${PRODUCTION_DIST} --port ${productionPort} --strictPort`,
      url: `http://127.0.0.1:${productionPort}/`,
      env: {
        ...environment,
        ...productionSettings,
        LOCAL_AWS_STATE_DIR: process.env.LOCAL_AWS_PRODUCTION_STATE_DIR,
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
