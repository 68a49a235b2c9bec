import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The only modules that import Amplify: its configuration, the session, the calls and their
 * lazy part; auth-steps.ts maps Amplify's next sign-in step for the last two.
 */
const amplifyModules = [
  'src/lib/auth-config.ts',
  'src/lib/auth.ts',
  'src/lib/amplify-session.ts',
  'src/lib/auth-calls.ts',
  'src/lib/auth-flows.ts',
  'src/lib/auth-steps.ts',
  'src/lib/passwordless.ts',
  // Remembered devices, imported only by the account page's devices chunk and a sign-in that remembers one.
  'src/lib/devices.ts',
  // Reads the session Amplify stored, for the first screen and the list's early GET, before Amplify has loaded.
  'src/lib/stored-session.ts',
  // Sign-in through the pool's domain: the providers' buttons load the start, the callback page the end.
  'src/lib/redirect-sign-in-start.ts',
  'src/lib/redirect-sign-in.ts',
  // Who came through an identity provider, from the stored IdToken: the account page's.
  'src/lib/federated-identity.ts',
]
const noTestCode = {
  group: ['**/tests/**', 'local-aws', 'local-aws/*', '**/local-aws/**'],
  message: 'Product code never imports test code or the emulator (it is reached over HTTP).',
}
const amplifyOnlyThroughLib = {
  group: [
    'aws-amplify',
    'aws-amplify/*',
    '@aws-amplify/*',
    '!@aws-amplify/ui-react',
    '!@aws-amplify/ui-react/*',
    '**/auth-flows',
  ],
  message:
    'Call Amplify through src/lib: auth.ts (the session) or auth-calls.ts (sign-in, sign-up, account).',
}
const uiKitOnlyInAuthScreens = {
  group: ['@aws-amplify/ui-react', '@aws-amplify/ui-react/*'],
  message:
    'ui-react (and its CSS) belongs to the lazy auth screens in src/features/auth only: returning users must not download it.',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-production',
      'node_modules',
      'playwright-report',
      'test-results',
      '.local-aws',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended-strict'],
  {
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver': { typescript: true, node: true },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // One import direction: shared code -> features -> app. Features never import each other.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/features/auth', from: './src/features', except: ['./auth'] },
            { target: './src/features/projects', from: './src/features', except: ['./projects'] },
            {
              target: ['./src/components', './src/lib', './src/config'],
              from: ['./src/features', './src/app'],
            },
            { target: './src/features', from: './src/app' },
          ],
        },
      ],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Node runs the configs, the build and deploy scripts, the emulator and the tests;
    // the app runs in browsers.
    files: [
      '*.{js,ts}',
      'build/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.{ts,tsx}',
      'tests/**/*.{ts,tsx}',
      'local-aws/**/*.{js,ts}',
      'src/**/*.test.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Product code never reaches into the test helpers or the emulator, and calls
    // Amplify only through the auth modules of src/lib (auth-calls.ts loads auth-flows.ts lazily).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', ...amplifyModules],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [noTestCode, amplifyOnlyThroughLib, uiKitOnlyInAuthScreens],
        },
      ],
    },
  },
  {
    // The auth screens build their forms on ui-react's primitives. Not the header's
    // AccountMenu, RequireAuth or GuestOnly: they are in the main chunk.
    files: ['src/features/auth/**/*.{ts,tsx}'],
    ignores: [
      'src/**/*.test.{ts,tsx}',
      'src/features/auth/components/account-menu.tsx',
      'src/features/auth/components/require-auth.tsx',
      'src/features/auth/components/guest-only.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [noTestCode, amplifyOnlyThroughLib],
        },
      ],
    },
  },
  {
    // passwordless.ts: USER_AUTH and passkeys, imported only by their lazy screens.
    files: amplifyModules,
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTestCode] }],
    },
  },
)
