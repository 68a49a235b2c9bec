// @vitest-environment node
import {
  CloudFrontClient,
  GetDistributionCommand,
  GetInvalidationCommand,
  ListInvalidationsCommand,
} from '@aws-sdk/client-cloudfront'
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../scripts/deploy/main.ts'
import { server } from '../setup/local-aws.ts'
import { fakeBuild, recordingIo } from './fixtures.ts'
import { createHosting, hasMoto, startMoto, useMotoEnvironment } from './moto.ts'

/**
 * Real releases against moto_server's S3 and CloudFront. (moto has no
 * CloudFormation for CloudFront or Cognito, so --stack and the app client's
 * stack are covered by stack.test.ts and app-client.test.ts.)
 */
if (!hasMoto) {
  process.stderr.write('\n[deploy] releases against moto NOT RUN: moto_server not installed\n')
}

const BUCKET = 'console-site'
let moto: Awaited<ReturnType<typeof startMoto>> | undefined
let restoreEnvironment = () => {}
let distributionId = ''
let s3: S3Client
let cloudFront: CloudFrontClient

beforeAll(async () => {
  if (!hasMoto) return
  server.close() // the deploy reaches a real server: moto's
  moto = await startMoto()
  restoreEnvironment = useMotoEnvironment(moto.endpoint)
  ;({ s3, cloudFront, distributionId } = await createHosting(BUCKET))
}, 60_000)

afterAll(async () => {
  await moto?.stop()
  restoreEnvironment()
})

async function release(dist: string) {
  const { io, out, err } = recordingIo(process.env)
  const args = ['--bucket', BUCKET, '--distribution-id', distributionId, '--env-file', '/none']
  const code = await main([...args, '--dist', dist], io)
  expect({ code, err }).toEqual({ code: 0, err: [] })
  return out
}
async function keys(): Promise<string[]> {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))
  return Contents.map((object) => object.Key ?? '').sort()
}
async function invalidatedPaths(): Promise<string[][]> {
  const list = await cloudFront.send(
    new ListInvalidationsCommand({ DistributionId: distributionId }),
  )
  const ids = (list.InvalidationList?.Items ?? []).map((item) => item.Id ?? '')
  const paths = []
  for (const Id of ids) {
    const { Invalidation } = await cloudFront.send(
      new GetInvalidationCommand({ DistributionId: distributionId, Id }),
    )
    paths.push([...(Invalidation?.InvalidationBatch?.Paths?.Items ?? [])].sort())
  }
  return paths
}

/** What a browser must get for each kind of file, whatever machine deployed it. */
const EXPECTED: [RegExp, string, string][] = [
  [/^assets\/.+\.js$/, 'text/javascript; charset=utf-8', 'public,max-age=31536000,immutable'],
  [/^assets\/.+\.css$/, 'text/css; charset=utf-8', 'public,max-age=31536000,immutable'],
  [/^assets\/.+\.woff2$/, 'font/woff2', 'public,max-age=31536000,immutable'],
  [/\.html$/, 'text/html; charset=utf-8', 'no-cache'],
  [/^favicon\.svg$/, 'image/svg+xml', 'no-cache'],
  // The service worker, which browsers must find anew after each release, and its runtime.
  [/^(?:sw|workbox-\w+)\.js$/, 'text/javascript; charset=utf-8', 'no-cache'],
  [/^\.deploy\/releases\.json$/, 'application/json; charset=utf-8', 'no-store'],
]

describe.skipIf(!hasMoto)('releases against moto_server (S3 and CloudFront)', () => {
  const builds = hasMoto ? ['r1', 'r2', 'r3', 'r4'].map(fakeBuild) : []
  const r1Assets = ['assets/index-r1.css', 'assets/index-r1.js', 'assets/sign-in-r1.js']

  it('release 1, then 2: every object served with its type and caching; release 1 assets kept', async () => {
    await release(builds[0] as string)
    await release(builds[1] as string)
    const present = await keys()
    expect(present).toEqual(expect.arrayContaining([...r1Assets, 'assets/index-r2.js']))
    expect(present.some((key) => key.endsWith('.map'))).toBe(false)
    for (const key of present) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
      const expected = EXPECTED.find(([pattern]) => pattern.test(key))
      expect([key, head.ContentType, head.CacheControl]).toEqual([
        key,
        expected?.[1],
        expected?.[2],
      ])
    }
    const index = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'index.html' }))
    expect(await index.Body?.transformToString()).toContain('/assets/index-r2.js')
  })

  it('created an invalidation of the HTML paths for each release', async () => {
    const html = ['/favicon.svg', '/index.html', '/sign-in.html', '/sign-up/confirm.html', '/sw.js']
    expect(await invalidatedPaths()).toEqual([
      [...html, '/workbox-r1.js'],
      [...html, '/workbox-r2.js'],
    ])
  })

  it('a second deploy with nothing changed uploads nothing and invalidates nothing', async () => {
    const send = vi.spyOn(S3Client.prototype, 'send')
    const out = await release(builds[1] as string)
    const puts = send.mock.calls.filter(([command]) => command instanceof PutObjectCommand)
    expect(puts).toEqual([])
    expect(out.at(-1)).toMatch(/^Nothing changed since the last release: https:\/\//)
    expect(await invalidatedPaths()).toHaveLength(2)
  })

  it('after releases 3 and 4, release 1 assets are gone and those of 2 to 4 remain', async () => {
    await release(builds[2] as string)
    expect(await keys()).toEqual(expect.arrayContaining(r1Assets))
    await release(builds[3] as string)
    const present = await keys()
    for (const key of r1Assets) expect(present).not.toContain(key)
    for (const hash of ['r2', 'r3', 'r4']) expect(present).toContain(`assets/sign-in-${hash}.js`)
    // Shared by every release (same name, same content): never deleted.
    expect(present).toContain('assets/font-a1b2c3d4.woff2')
  })
})

describe.skipIf(!hasMoto)('the app client against moto_server (CloudFront)', () => {
  it("--create-app-client --dry-run gives the client the distribution's address and npm run dev's as redirect URLs", async () => {
    const { Distribution } = await cloudFront.send(
      new GetDistributionCommand({ Id: distributionId }),
    )
    const app = `https://${Distribution?.DomainName}`
    expect(app).toMatch(/^https:\/\/[\w-]+\.cloudfront\.net$/)
    const { io, out, err } = recordingIo(process.env)
    const args = ['--create-app-client', '--user-pool-id', 'us-east-1_AbC123xyz', '--dry-run']
    const oauth = ['--oauth-domain', 'auth.example.com', '--oauth-providers', 'Google']
    const where = ['--distribution-id', distributionId, '--env-file', '/none']
    const code = await main([...args, ...oauth, ...where], io)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(out).toEqual([
      `Sign-in through auth.example.com with COGNITO, Google: callback URLs ${app}/oauth/callback http://localhost:5173/oauth/callback, sign-out URLs ${app}/sign-in http://localhost:5173/sign-in.`,
      'Would create stack projects-console-app-client.',
      'Would write VITE_USER_POOL_ID, VITE_USER_POOL_CLIENT_ID, VITE_OAUTH_DOMAIN, VITE_OAUTH_PROVIDERS to /none.',
    ])
  })
})
