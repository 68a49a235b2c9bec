import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import type { DistFile } from './dist-files.ts'

/** The metadata entry that holds a deployed file's SHA-256 (ETags aren't MD5 under SSE-KMS). */
export const HASH_METADATA = 'sha256'

/** Runs `work` over the items, at most `limit` at a time, in order of the items. */
export async function eachLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Whether the bucket already holds this file as it would be uploaded: same
 * content and the same Content-Type and Cache-Control.
 */
async function isInBucket(s3: S3Client, bucket: string, file: DistFile): Promise<boolean> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: file.key }))
    return (
      head.Metadata?.[HASH_METADATA] === file.sha256 &&
      head.ContentType === file.contentType &&
      head.CacheControl === file.cacheControl
    )
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return false
    throw error
  }
}

/** The files that must be uploaded: those the bucket lacks, or holds with other content or headers. */
export async function filesToUpload(
  s3: S3Client,
  bucket: string,
  files: DistFile[],
): Promise<DistFile[]> {
  const present = await eachLimited(files, 8, (file) => isInBucket(s3, bucket, file))
  return files.filter((_, index) => !present[index])
}
