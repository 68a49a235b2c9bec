import type { CloudFrontClient } from '@aws-sdk/client-cloudfront'
import { DeleteObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { eachLimited, filesToUpload, HASH_METADATA } from './bucket-state.ts'
import { IMMUTABLE, NO_CACHE } from './content-types.ts'
import { readDist, type DistFile } from './dist-files.ts'
import { distributionUrl, invalidate } from './distribution.ts'
import { DeployError } from './errors.ts'
import { nextReleases, readReleases, writeReleases } from './manifest.ts'

export interface ReleaseTarget {
  s3: S3Client
  cloudFront: CloudFrontClient
  bucket: string
  distributionId: string
}

/** The service worker (build/service-worker.ts), served `no-cache` as every stable name is. */
const WORKER = 'sw.js'

/**
 * The paths CloudFront may hold a stale copy of: every file with a stable name.
 * (The CloudFront Function rewrites app routes, / included, to these files
 * before the cache is looked up, so they are the only cache keys.)
 */
export function invalidationPaths(files: DistFile[]): string[] {
  return files.filter((file) => file.cacheControl === NO_CACHE).map((file) => `/${file.key}`)
}

/**
 * Publishes a build: the hashed assets first, so no HTML ever names a chunk
 * that isn't there yet; then the HTML; then the service worker, which names
 * both; then CloudFront forgets the old HTML;
 * then the files of releases older than the kept ones go.
 */
export async function release(
  target: ReleaseTarget,
  dist: string,
  options: { dryRun: boolean; log: (line: string) => void },
): Promise<void> {
  const { s3, cloudFront, bucket, distributionId } = target
  const { dryRun, log } = options
  const url = await distributionUrl(cloudFront, distributionId, bucket)
  const files = await readDist(dist)
  const previous = await readReleases(s3, bucket)
  const changed = await filesToUpload(s3, bucket, files)
  const next = nextReleases(
    previous,
    files.map((file) => file.key),
    new Date().toISOString(),
  )
  const assets = changed.filter((file) => file.cacheControl === IMMUTABLE)
  const pages = changed.filter((file) => file.cacheControl !== IMMUTABLE && file.key !== WORKER)
  const worker = changed.filter((file) => file.key === WORKER)
  const paths = invalidationPaths(files)
  const anythingToDo = changed.length > 0 || next.isNew

  log(
    `${dryRun ? 'Plan for' : 'Releasing'} ${dist} to s3://${bucket} (CloudFront ${distributionId}):`,
  )
  log(
    `  upload ${assets.length} assets (${IMMUTABLE}), ${pages.length + worker.length} other files (${NO_CACHE});`,
  )
  log(`  ${files.length - changed.length} of ${files.length} files are already there unchanged;`)
  log(`  invalidate ${anythingToDo ? paths.join(' ') : 'nothing'};`)
  log(
    `  delete ${next.expired.length} files no longer used by the last ${next.releases.length} releases.`,
  )
  if (dryRun) {
    for (const file of changed)
      log(`  would upload ${file.key} (${file.contentType}, ${file.cacheControl})`)
    for (const key of next.expired) log(`  would delete ${key}`)
    log('Dry run: nothing was changed.')
    return
  }
  if (!anythingToDo) {
    log(`Nothing changed since the last release: ${url}`)
    return
  }

  await eachLimited(assets, 8, (file) => upload(s3, bucket, file))
  await eachLimited(pages, 8, (file) => upload(s3, bucket, file))
  // Last: a page that finds the new worker installs everything it names at once.
  await eachLimited(worker, 1, (file) => upload(s3, bucket, file))
  log(`Uploaded ${changed.length} files.`)
  const invalidationId = await invalidate(cloudFront, distributionId, paths)
  log(`Invalidation ${invalidationId ?? ''} created for ${paths.length} paths.`)
  for (let start = 0; start < next.expired.length; start += 1000) {
    const keys = next.expired.slice(start, start + 1000)
    const { Errors = [] } = await s3.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    )
    if (Errors.length > 0) {
      throw new DeployError(
        `Could not delete ${Errors.length} old files, e.g. ${Errors[0]?.Key}: ${Errors[0]?.Message}`,
      )
    }
  }
  if (next.expired.length > 0) log(`Deleted ${next.expired.length} files of older releases.`)
  // Last, so a deploy interrupted before here is redone in full by the next one.
  if (next.isNew) await writeReleases(s3, bucket, next.releases)
  log(`Released: ${url}`)
}

async function upload(s3: S3Client, bucket: string, file: DistFile) {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: file.key,
      Body: file.body,
      ContentType: file.contentType,
      CacheControl: file.cacheControl,
      Metadata: { [HASH_METADATA]: file.sha256 },
    }),
  )
}
