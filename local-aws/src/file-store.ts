/**
 * Keeps the emulator's state in `<dir>/state.json` (Node only), so accounts
 * and projects survive a restart of the dev server or the standalone server.
 * Each save writes a temp file, fsyncs it and renames it over state.json: a
 * crash leaves either the old or the new state, never half of one. A leftover
 * temp file is ignored. A corrupt file is reported, never replaced.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { stateShapeProblem, type LocalAwsState, type Store } from './state.ts'

export const STATE_FILE = 'state.json'

export class StateFileError extends Error {
  override name = 'StateFileError'
}

export function fileStore(dir: string): Store {
  const folder = resolve(dir)
  const file = join(folder, STATE_FILE)
  const refuse = (problem: string) =>
    new StateFileError(
      `The local AWS state file ${file} ${problem}. It has been left untouched. ` +
        `To start over with no users and no projects, move it away or delete the folder ${folder}; ` +
        `to keep its data, fix or restore the file.`,
    )

  return {
    description: file,
    load() {
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT') return null // first start: a fresh state
        throw refuse(`can't be read (${code ?? String(error)})`)
      }
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (error) {
        throw refuse(`is corrupt: not valid JSON (${(error as Error).message})`)
      }
      const problem = stateShapeProblem(value)
      if (problem) throw refuse(`is not usable: ${problem}`)
      return value as LocalAwsState
    },
    async save(state) {
      mkdirSync(folder, { recursive: true })
      const temp = join(folder, `${STATE_FILE}.${process.pid}.${randomUUID()}.tmp`)
      const handle = await open(temp, 'w', 0o600)
      try {
        await handle.writeFile(JSON.stringify(state))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, file)
      await syncFolder(folder)
    },
  }
}

/** Makes the rename itself durable; some platforms can't open a folder, which is fine there. */
async function syncFolder(folder: string) {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows: folders can't be fsynced; the rename is still atomic.
  }
}
