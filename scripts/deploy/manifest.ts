import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { DeployError } from './errors.ts'

/**
 * The bucket's record of what each release uploaded, oldest first. A tab still
 * open on an older release asks for that release's chunks when it opens a lazy
 * route, so the files of the last KEPT_RELEASES releases stay in the bucket.
 */
export const MANIFEST_KEY = '.deploy/releases.json'
/** The current release and the two before it. */
export const KEPT_RELEASES = 3

export interface Release {
  deployedAt: string
  keys: string[]
}

export async function readReleases(s3: S3Client, bucket: string): Promise<Release[]> {
  try {
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: MANIFEST_KEY }))
    const parsed = JSON.parse((await answer.Body?.transformToString()) ?? '') as {
      releases?: Release[]
    }
    if (!Array.isArray(parsed.releases)) throw new SyntaxError('no releases list')
    return parsed.releases
  } catch (error) {
    const name = (error as { name?: string }).name
    if (name === 'NoSuchKey') return []
    if (name === 'NoSuchBucket') throw new DeployError(`Bucket ${bucket} does not exist.`)
    if (error instanceof SyntaxError) {
      throw new DeployError(
        `s3://${bucket}/${MANIFEST_KEY} is not a release manifest (${error.message}): ` +
          'delete it to start a new one (the files already in the bucket are then left alone).',
      )
    }
    throw error
  }
}

export async function writeReleases(s3: S3Client, bucket: string, releases: Release[]) {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: MANIFEST_KEY,
      Body: `${JSON.stringify({ releases }, null, 2)}\n`,
      ContentType: 'application/json; charset=utf-8',
      CacheControl: 'no-store',
    }),
  )
}

/**
 * The manifest after this release, and the keys no kept release uses any more.
 * A deploy of the same set of files as the last release is not a new release.
 */
export function nextReleases(
  previous: Release[],
  keys: string[],
  deployedAt: string,
): { releases: Release[]; expired: string[]; isNew: boolean } {
  const sorted = [...keys].sort()
  const last = previous.at(-1)
  const isNew = !last || last.keys.join('\n') !== sorted.join('\n')
  const all = isNew ? [...previous, { deployedAt, keys: sorted }] : previous
  const releases = all.slice(-KEPT_RELEASES)
  const kept = new Set(releases.flatMap((release) => release.keys))
  const expired = [
    ...new Set(all.slice(0, -KEPT_RELEASES).flatMap((release) => release.keys)),
  ].filter((key) => !kept.has(key))
  return { releases, expired: expired.sort(), isNew }
}
