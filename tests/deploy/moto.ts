import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** moto 5 is preinstalled on the team's machines and CI, not on everyone's. */
export const hasMoto = spawnSync('moto_server', ['--help']).status === 0

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Starts moto_server on a free port of 127.0.0.1; returns its endpoint and how to stop it. */
export async function startMoto(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const port = await freePort()
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  })
  const endpoint = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`)
    if (
      await fetch(`${endpoint}/moto-api/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    if (Date.now() > deadline) throw new Error('moto_server did not start within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill()
    await exited
  }
  return { endpoint, stop }
}

/**
 * Points the AWS SDK (the deploy's and the test's clients) at moto, with the
 * dummy credentials it accepts, as a user's shell would; returns the undo.
 */
export function useMotoEnvironment(endpoint: string): () => void {
  const saved = { ...process.env }
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
  })
  delete process.env.AWS_PROFILE
  delete process.env.AWS_SESSION_TOKEN
  return () => {
    process.env = saved
  }
}

/** An existing bucket and a CloudFront distribution serving it, as hosting.yaml makes them. */
export async function createHosting(bucket: string) {
  const s3 = new S3Client({ forcePathStyle: true })
  const cloudFront = new CloudFrontClient({})
  await s3.send(new CreateBucketCommand({ Bucket: bucket }))
  const { Distribution } = await cloudFront.send(
    new CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: `deploy-test-${bucket}`,
        Comment: '',
        Enabled: true,
        Origins: {
          Quantity: 1,
          Items: [
            {
              Id: 'site',
              DomainName: `${bucket}.s3.us-east-1.amazonaws.com`,
              S3OriginConfig: { OriginAccessIdentity: '' },
            },
          ],
        },
        DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https' },
      } as never,
    }),
  )
  return { s3, cloudFront, distributionId: Distribution?.Id ?? '' }
}
