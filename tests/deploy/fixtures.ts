import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { DeployIo } from '../../scripts/deploy/main.ts'

/**
 * A small build as Vite lays it out: hashed assets (and their maps, which are
 * not deployed), the HTML (index.html and one document per app route, some in
 * a folder) and a public/ file. `hash` stands for one release's content.
 */
export function fakeBuild(hash: string): string {
  const dir = mkdtempSync(join(tmpdir(), `deploy-build-${hash}-`))
  const files: Record<string, string> = {
    'index.html': `<script type="module" src="/assets/index-${hash}.js"></script>`,
    'sign-in.html': `<script type="module" src="/assets/index-${hash}.js"></script>`,
    'sign-up/confirm.html': `<script type="module" src="/assets/index-${hash}.js"></script>`,
    [`assets/index-${hash}.js`]: `import('./sign-in-${hash}.js')`,
    [`assets/index-${hash}.js.map`]: '{}',
    [`assets/sign-in-${hash}.js`]: `export default '${hash}'`,
    [`assets/index-${hash}.css`]: 'body{}',
    'assets/font-a1b2c3d4.woff2': 'wOF2',
    'favicon.svg': '<svg/>',
    // The service worker and the Workbox runtime it imports (build/service-worker.ts).
    'sw.js': `importScripts('./workbox-${hash}.js')`,
    [`workbox-${hash}.js`]: 'self.workbox = {}',
  }
  for (const [key, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, key)), { recursive: true })
    writeFileSync(join(dir, key), text)
  }
  return dir
}

/** What a run printed, and a DeployIo that records it and never waits. */
export function recordingIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: DeployIo = {
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    env,
    sleep: async () => {},
  }
  return { io, out, err }
}
