import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { cacheControlOf, contentTypeOf, isDeployed } from './content-types.ts'
import { DeployError } from './errors.ts'

export interface DistFile {
  key: string
  body: Buffer
  sha256: string
  contentType: string
  cacheControl: string
}

/** Every file of the build that is deployed, with the headers it is served with. */
export async function readDist(dir: string): Promise<DistFile[]> {
  let entries: string[]
  try {
    entries = await readdir(dir, { recursive: true })
  } catch {
    throw new DeployError(`No build found in ${dir}: run the build first, or drop --dist.`)
  }
  const files: DistFile[] = []
  for (const entry of entries.sort()) {
    const key = relative(dir, join(dir, entry)).split(sep).join('/')
    const body = await readFile(join(dir, entry)).catch(() => null) // null: a folder
    if (!body || !isDeployed(key)) continue
    files.push({
      key,
      body,
      sha256: createHash('sha256').update(body).digest('hex'),
      contentType: contentTypeOf(key),
      cacheControl: cacheControlOf(key),
    })
  }
  if (!files.some((file) => file.key === 'index.html')) {
    throw new DeployError(`${dir} has no index.html: is it the app's build?`)
  }
  return files
}
