import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { createServer } from 'node:http'
import { contentSecurityPolicy } from '../../vite.config.ts'
import { LOCAL_AWS_BASE_PATH } from 'local-aws/defaults'
import { serveWithLocalAws } from 'local-aws/node-http'
import { createLocalAws, memoryStore } from 'local-aws'
import { loadSpaRoutesFunction, viewerRequest } from '../../build/cloudfront-function.ts'

/**
 * CloudFront in front of a bucket, in miniature, for an emulator build: the
 * emulator on its path, then infra/hosting.yaml's viewer-request function, then
 * the object from S3 (moto) with the headers the deploy stored on it.
 */
export async function startCdn(s3: S3Client, bucket: string) {
  const localAws = createLocalAws({ store: memoryStore(), basePath: LOCAL_AWS_BASE_PATH })
  const viewerFunction = loadSpaRoutesFunction('dev_1')
  const csp = contentSecurityPolicy({})
  const server = createServer((req, res) => {
    void (async () => {
      if (await serveWithLocalAws(localAws, req, res)) return
      const { uri } = viewerFunction(viewerRequest(new URL(req.url ?? '/', 'http://cdn').pathname))
      try {
        const object = await s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: decodeURIComponent(uri.slice(1)) }),
        )
        res.writeHead(200, {
          'content-type': object.ContentType ?? '',
          'cache-control': object.CacheControl ?? '',
          'content-security-policy': csp,
        })
        res.end(Buffer.from((await object.Body?.transformToByteArray()) ?? []))
      } catch {
        // What S3 answers CloudFront (origin access control, no ListBucket) for a missing key.
        res.writeHead(403).end()
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await localAws.close()
    },
  }
}
