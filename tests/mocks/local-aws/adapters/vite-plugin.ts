import type { Plugin } from 'vite'

/** Placeholder until the emulator's Vite adapter lands: mounts nothing yet. */
export function localAwsPlugin(): Plugin {
  return { name: 'local-aws' }
}
