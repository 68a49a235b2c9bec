import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** Builds the stock reference app (bench/stock) with the repository's own node_modules. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: { target: 'es2022' },
})
