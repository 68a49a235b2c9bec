/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv, type PluginOption } from 'vite'
import { uiThemeWithoutTokensPlugin } from './build/ui-theme-without-tokens.ts'
import { checkOAuthSettings } from './src/config/oauth-settings.ts'
import { parseSignUpAttributes } from './src/config/sign-up-attributes.ts'
import { routeDocumentsPlugin } from './build/route-documents.ts'
import { serviceWorkerPlugin } from './build/service-worker.ts'
import { unusedUiTokensPlugin } from './build/unused-ui-tokens.ts'
// By folder, not package name: Vite's config loader leaves packages to Node,
// which can't load the emulator's TypeScript.
import { localAwsPlugin } from './local-aws/src/adapters/vite-plugin.ts'
import {
  API_STAGE,
  DEFAULT_CLIENT_ID,
  DEFAULT_IDENTITY_PROVIDER,
  DEFAULT_USER_POOL_ID,
  LOCAL_AWS_BASE_PATH,
} from './local-aws/src/defaults.ts'

/** The settings a build for a real user pool cannot do without. */
const REQUIRED_FOR_AWS = ['VITE_USER_POOL_ID', 'VITE_USER_POOL_CLIENT_ID', 'VITE_API_URL'] as const

/**
 * Local mode: no AWS settings at all (or `--mode emulator`). The app then talks to
 * the emulator mounted on its own origin, under LOCAL_AWS_BASE_PATH.
 */
function isLocalMode(mode: string, env: Record<string, string>): boolean {
  if (mode === 'emulator' || env.VITE_LOCAL_AWS === 'true') return true
  return REQUIRED_FOR_AWS.every((name) => !env[name])
}

export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  const local = isLocalMode(mode, env)
  const explicitLocal = mode === 'emulator' || env.VITE_LOCAL_AWS === 'true'

  if (command === 'build' && !local) {
    const missing = REQUIRED_FOR_AWS.filter((name) => !env[name])
    if (missing.length > 0) {
      throw new Error(
        `Missing settings for a build against AWS: ${missing.join(', ')}. ` +
          'Set them in .env.production.local (see .env.example), ' +
          'or build the local-emulator demo explicitly with `vite build --mode emulator`.',
      )
    }
  }
  if (command === 'build' && local && !explicitLocal) {
    throw new Error(
      'No AWS settings found (VITE_USER_POOL_ID, VITE_USER_POOL_CLIENT_ID, VITE_API_URL). ' +
        'A production build needs them (see .env.example); to build the local-emulator demo ' +
        'instead, run `vite build --mode emulator`.',
    )
  }

  // Only the sign-up screens read it: a wrong name fails here, at `npm run dev` and at the
  // build, rather than on the sign-up page.
  parseSignUpAttributes(env.VITE_SIGN_UP_ATTRIBUTES)

  // In local mode the app sees ordinary settings pointing at the emulator.
  const localSettings: Record<string, string> = local
    ? {
        VITE_LOCAL_AWS: 'true',
        VITE_USER_POOL_ID: DEFAULT_USER_POOL_ID,
        VITE_USER_POOL_CLIENT_ID: DEFAULT_CLIENT_ID,
        VITE_COGNITO_ENDPOINT: LOCAL_AWS_BASE_PATH,
        VITE_API_URL: `${LOCAL_AWS_BASE_PATH}/${API_STAGE}`,
        VITE_LOCAL_AWS_INBOX: `${LOCAL_AWS_BASE_PATH}/inbox`,
        // The emulator is the pool's domain too, on the app's own origin, with one provider.
        // Not in the unit tests, which set them where they test them (vitest hands its
        // defines to process.env, where the deploy's tests would read them).
        ...(mode === 'test'
          ? {}
          : {
              VITE_OAUTH_DOMAIN: LOCAL_AWS_BASE_PATH,
              VITE_OAUTH_PROVIDERS: env.VITE_OAUTH_PROVIDERS || DEFAULT_IDENTITY_PROVIDER,
            }),
      }
    : { VITE_LOCAL_AWS: 'false', VITE_OAUTH_PROVIDERS: env.VITE_OAUTH_PROVIDERS ?? '' }
  // Read by the providers' buttons and Amplify's configuration: checked here, as the sign-up
  // attributes are, with local mode's own.
  checkOAuthSettings(
    localSettings.VITE_OAUTH_DOMAIN ?? env.VITE_OAUTH_DOMAIN,
    localSettings.VITE_OAUTH_PROVIDERS ?? env.VITE_OAUTH_PROVIDERS,
  )
  // Names this build: what one build kept in the browser (the projects list),
  // another may read differently, so it drops it (persisted-list.ts).
  const buildId = { VITE_BUILD_ID: `${process.env.npm_package_version ?? ''}-${Date.now()}` }
  const define = Object.fromEntries(
    Object.entries({ ...localSettings, ...buildId }).map(([name, value]) => [
      `import.meta.env.${name}`,
      JSON.stringify(value),
    ]),
  )

  const plugins: PluginOption[] = [react()]
  // The emulator is a dev/preview server middleware; never part of the bundle. A
  // production build pointed at it on the app's own origin (the browser tests'
  // second build, the bench) is served with it too.
  const emulatorOnOrigin = env.VITE_COGNITO_ENDPOINT === LOCAL_AWS_BASE_PATH
  if ((local || emulatorOnOrigin) && mode !== 'test') plugins.push(localAwsPlugin())
  // After the emulator, so its middleware answers its own paths first in `vite preview`.
  plugins.push(routeDocumentsPlugin(), unusedUiTokensPlugin(), uiThemeWithoutTokensPlugin())
  // Last: it reads the documents route-documents wrote. Builds only: a development server
  // has no worker (src/main.tsx), and route-documents' prerendering server must not make one.
  plugins.push(command === 'build' ? serviceWorkerPlugin(env) : registrationStandIn())

  return {
    plugins,
    define,
    resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
    server: {
      host: '127.0.0.1',
      // Same-origin app: Vite's CORS headers would hide the real API's lack of them.
      cors: false,
      // A real API allows no Authorization header cross-origin, so in development
      // the browser reaches it through this proxy on the app's own origin.
      proxy: apiProxy(env),
    },
    preview: {
      host: '127.0.0.1',
      cors: false,
      headers: { 'Content-Security-Policy': contentSecurityPolicy(env) },
    },
    build: {
      target: 'es2022',
      // Maps for error reports, not referenced by the bundle (and not uploaded; see README).
      sourcemap: 'hidden',
      rolldownOptions: {
        treeshake: {
          // Amplify's modules import @aws-crypto/sha256-js for no effect (a bare
          // `import '@aws-crypto/sha256-js'` left by how Amplify is built), and the package
          // doesn't declare itself free of side effects, so every visit carried it. It has
          // none: now only the SRP sign-in code, which hashes, loads it (~1.8 kB gzipped).
          moduleSideEffects: [
            { test: /[\\/]node_modules[\\/]@aws-crypto[\\/]/, sideEffects: false },
            // The providers' buttons do nothing on import; without VITE_OAUTH_PROVIDERS the
            // screens never render them (each tests the build-time constant itself), so the
            // module and its styles go.
            {
              test: /[\\/]src[\\/]features[\\/]auth[\\/]federated[\\/]provider-buttons\.tsx$/,
              sideEffects: false,
            },
          ],
        },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'app',
            environment: 'jsdom',
            setupFiles: ['./tests/setup/vitest-setup.ts'],
            include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
            exclude: ['tests/e2e/**', 'node_modules/**'],
            restoreMocks: true,
            testTimeout: 15_000,
            // Through Vite, not Node, so that the build's ui-react theme (build/ui-theme-without-tokens.ts)
            // is the one the screens render with here too.
            server: { deps: { inline: [/[\\/]@aws-amplify[\\/]ui-react[\\/]/] } },
            // As for the browser tests: on CI a failed test is tried once more, and the
            // report shows it was retried. A test that needed it is a bug to fix.
            retry: process.env.CI ? 1 : 0,
          },
        },
        // The emulator's own tests, with its own set-up (local-aws/vitest.config.ts).
        './local-aws/vitest.config.ts',
      ],
    },
  }
})

/**
 * The worker's registration module where there is no worker: the development
 * server never loads it (src/main.tsx) but finds it while scanning imports,
 * and the unit tests mock it (src/app/release/service-worker.test.tsx).
 */
function registrationStandIn(): PluginOption {
  const id = 'virtual:pwa-register'
  return {
    name: 'pwa-register-stand-in',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (loaded) =>
      loaded === `\0${id}`
        ? `export function registerSW() { throw new Error('${id} is built only by vite build: mock it') }`
        : undefined,
  }
}

/** `VITE_API_PROXY_TARGET=https://abc.execute-api.us-east-2.amazonaws.com` proxies VITE_API_URL's path. */
function apiProxy(env: Record<string, string>) {
  const target = env.VITE_API_PROXY_TARGET
  const path = env.VITE_API_URL
  if (!target || !path?.startsWith('/')) return undefined
  return { [path]: { target, changeOrigin: true, secure: true } }
}

/**
 * The policy the app is built to run under, also served by `vite preview` so the
 * browser tests catch any violation. The same value belongs in CloudFront's
 * response headers policy (see README).
 */
export function contentSecurityPolicy(env: Record<string, string>): string {
  const cognito = env.VITE_COGNITO_ENDPOINT?.startsWith('http')
    ? new URL(env.VITE_COGNITO_ENDPOINT).origin
    : env.VITE_USER_POOL_ID
      ? `https://cognito-idp.${env.VITE_USER_POOL_ID.split('_')[0]}.amazonaws.com`
      : ''
  const api = env.VITE_API_URL?.startsWith('http') ? new URL(env.VITE_API_URL).origin : ''
  // Amplify fetches the pool domain's /oauth2/token (the sign-in and sign-out
  // redirects are navigations, which connect-src doesn't govern). A path is the
  // app's own host (local mode), over https: 'self' allows that from an http page.
  const domain = env.VITE_OAUTH_DOMAIN?.trim()
  // Its host alone: a source with a path would allow that one path only.
  const oauth = domain && !domain.startsWith('/') ? `https://${domain.split('/')[0]}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", cognito, oauth, api].filter(Boolean).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
