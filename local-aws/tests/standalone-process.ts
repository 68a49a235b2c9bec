/**
 * Starts the emulator's `local-aws` program as a child process: by default its own
 * command (so a test sees the server's exit code, not npm's), or, with
 * `viaNpm`, exactly as the README says to, `npm run -s local-aws -- …`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { LocalAwsConfig } from '../src/local-aws.ts'

const BIN = fileURLToPath(new URL('../bin/local-aws.js', import.meta.url))
/** The repository the package sits in, whose `npm run local-aws` starts it. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url))

export interface Standalone {
  config: LocalAwsConfig
  child: ChildProcess
  /** Everything printed on stdout so far, line by line. */
  stdoutLines: string[]
  stderr(): string
  /** Signals its process group (SIGKILL after 5 s if still alive); resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export async function startStandalone(
  args: string[],
  { viaNpm = false } = {},
): Promise<Standalone> {
  // Its own process group: npm runs the program in a child process, and both must go.
  const [command, commandArgs] = viaNpm
    ? ['npm', ['run', '-s', 'local-aws', '--', ...args]]
    : [process.execPath, [BIN, ...args]]
  const child = spawn(command, commandArgs, {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const stdoutLines: string[] = []
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  const lines = createInterface({ input: child.stdout })
  lines.on('line', (line) => stdoutLines.push(line))

  const firstLine = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    exited.then(([code]) => {
      throw new Error(`local-aws exited (${code}) before it was ready:\n${stderr}`)
    }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`local-aws not ready after 10 s:\n${stderr}`)), 10_000),
    ),
  ])

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid ?? 0), sig) // as Ctrl-C signals a terminal's whole foreground group
      } catch {
        // already gone
      }
    }
    signalGroup(signal)
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000)
    const [code] = await exited
    clearTimeout(timer)
    return code
  }
  return {
    config: JSON.parse(firstLine) as LocalAwsConfig,
    child,
    stdoutLines,
    stderr: () => stderr,
    stop,
  }
}

/** Runs the program to its end (for flags that exit at once): its exit code and output. */
export function runStandaloneToExit(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        stdout,
        stderr,
      }),
    )
  })
}

/** A Cognito JSON-protocol call over the network, as the AWS SDK makes it. */
export async function cognitoCall(endpoint: string, operation: string, body: object) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
