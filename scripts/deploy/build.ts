import { spawnSync } from 'node:child_process'
import { DeployError } from './errors.ts'
import { required } from './settings.ts'

/** Builds the app for the configured pool and API into dist/, as `npm run build` does. */
export function buildApp(settings: Record<string, string | undefined>, envFile: string): string {
  required(settings.VITE_USER_POOL_ID, { name: 'VITE_USER_POOL_ID', envFile })
  required(settings.VITE_USER_POOL_CLIENT_ID, {
    name: 'VITE_USER_POOL_CLIENT_ID',
    envFile,
    hint: ' (npm run deploy -- --create-app-client --user-pool-id <id> creates the client and sets it)',
  })
  required(settings.VITE_API_URL, { name: 'VITE_API_URL', envFile, hint: ', e.g. /dev_1' })
  const viteSettings = Object.fromEntries(
    Object.entries(settings).filter(([name]) => name.startsWith('VITE_')),
  )
  const result = spawnSync('npx', ['vite', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ...viteSettings },
  })
  if (result.status !== 0) throw new DeployError('The build failed (its errors are above).')
  return 'dist'
}
