import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'local-aws',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['./tests/setup.ts'],
    restoreMocks: true,
    testTimeout: 15_000,
    // On CI a failed test is tried once more, and reported as retried.
    retry: process.env.CI ? 1 : 0,
  },
})
