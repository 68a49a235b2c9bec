import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { DeployError } from './errors.ts'

export const DEFAULT_ENV_FILE = '.env.production.local'

/**
 * The deploy's settings: the env file (the same one the production build reads),
 * overridden by the process environment. Flags override both (see main.ts).
 */
export function readSettings(
  envFile: string,
  environment: NodeJS.ProcessEnv,
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {}
  const fromEnvironment = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  )
  return { ...fromFile, ...fromEnvironment }
}

/** The value, or a one-line error naming the flag and the setting that give it. */
export function required(
  value: string | undefined,
  setting: { flag?: string; name: string; envFile: string; hint?: string },
): string {
  if (value) return value
  const { flag, name, envFile, hint = '' } = setting
  const how = flag ? `pass ${flag} or set ${name}` : `set ${name}`
  throw new DeployError(`Missing setting: ${how} in ${envFile}${hint}.`)
}

/** Sets NAME=value lines in the env file, keeping every other line as it was. */
export function writeSettings(envFile: string, values: Record<string, string>): void {
  const lines = existsSync(envFile) ? readFileSync(envFile, 'utf8').split('\n') : []
  if (lines.at(-1) === '') lines.pop()
  for (const [name, value] of Object.entries(values)) {
    const line = `${name}=${value}`
    const index = lines.findIndex((existing) => new RegExp(`^\\s*${name}\\s*=`).test(existing))
    if (index === -1) lines.push(line)
    else lines[index] = line
  }
  writeFileSync(envFile, `${lines.join('\n')}\n`)
}
