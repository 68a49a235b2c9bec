// @vitest-environment node
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetDistributionCommand,
} from '@aws-sdk/client-cloudfront'
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../scripts/deploy/main.ts'
import { fakeBuild, recordingIo } from './fixtures.ts'

/** The command-level behaviour of a release, with every AWS call answered by aws-sdk-client-mock. */
const s3 = mockClient(S3Client)
const cloudFront = mockClient(CloudFrontClient)
const BUCKET = 'projects-console-sitebucket-1abc'
const release = (dist: string, ...flags: string[]) => [
  '--bucket',
  BUCKET,
  '--distribution-id',
  'E2EXAMPLE',
  '--dist',
  dist,
  '--env-file',
  '/nonexistent/.env',
  ...flags,
]

function notFound(name: string) {
  return Object.assign(new Error(name), { name })
}
type Stored = Partial<PutObjectCommandInput>
function manifest(releases: { deployedAt: string; keys: string[] }[]): Stored {
  return { Body: JSON.stringify({ releases }) }
}
/** The bucket as a map of key -> PutObject input, kept up to date by the mocks. */
function fakeBucket() {
  const objects = new Map<string, Stored>()
  s3.on(HeadObjectCommand).callsFake(({ Key }: { Key: string }) => {
    const object = objects.get(Key)
    if (!object) throw notFound('NotFound')
    return {
      ContentType: object.ContentType,
      CacheControl: object.CacheControl,
      Metadata: object.Metadata,
    }
  })
  s3.on(GetObjectCommand).callsFake(({ Key }: { Key: string }) => {
    const object = objects.get(Key)
    if (!object) throw notFound('NoSuchKey')
    // The one method of a response body stream the deploy reads.
    return { Body: { transformToString: async () => String(object.Body) } }
  })
  s3.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => {
    objects.set(input.Key ?? '', input)
    return {}
  })
  return objects
}
/** sinon numbers every call across all stubs; its typings here leave the number out. */
const callOrder = (call: object) => (call as { callId: number }).callId
/** Every call to either service, in the order they were made. */
function callLog() {
  return [...s3.calls(), ...cloudFront.calls()]
    .sort((a, b) => callOrder(a) - callOrder(b))
    .map((call) => {
      const command = call.args[0]
      const input = command.input as { Key?: string }
      return `${command.constructor.name.replace('Command', '')}${input.Key ? ` ${input.Key}` : ''}`
    })
}

beforeEach(() => {
  s3.reset()
  cloudFront.reset()
  cloudFront.on(GetDistributionCommand).resolves({
    Distribution: {
      DomainName: 'd111111abcdef8.cloudfront.net',
      DistributionConfig: {
        Origins: {
          Quantity: 1,
          Items: [{ Id: 'site', DomainName: `${BUCKET}.s3.us-east-2.amazonaws.com` }],
        },
      } as never,
    } as never,
  })
  cloudFront
    .on(CreateInvalidationCommand)
    .resolves({ Invalidation: { Id: 'I2J0I21PCUYOIK' } as never })
  s3.on(DeleteObjectsCommand).resolves({})
})
afterEach(() => {
  s3.reset()
  cloudFront.reset()
})

describe('npm run deploy -- --bucket --distribution-id (the release)', () => {
  it('uploads the assets first, then the HTML, then the service worker, then invalidates the HTML and records the release', async () => {
    const bucket = fakeBucket()
    const { io, out, err } = recordingIo()
    expect(await main(release(fakeBuild('r1')), io)).toBe(0)
    expect(err).toEqual([])

    const calls = callLog().filter((call) => !call.startsWith('Head'))
    expect(calls).toEqual([
      'GetDistribution',
      'GetObject .deploy/releases.json',
      // Assets, in parallel among themselves; every one before any HTML names it.
      ...[
        'assets/font-a1b2c3d4.woff2',
        'assets/index-r1.css',
        'assets/index-r1.js',
        'assets/sign-in-r1.js',
      ].map((key) => `PutObject ${key}`),
      ...['favicon.svg', 'index.html', 'sign-in.html', 'sign-up/confirm.html', 'workbox-r1.js'].map(
        (key) => `PutObject ${key}`,
      ),
      // Last: an open page that finds it installs what it names.
      'PutObject sw.js',
      'CreateInvalidation',
      'PutObject .deploy/releases.json',
    ])
    expect(
      cloudFront.commandCalls(CreateInvalidationCommand)[0]?.args[0].input.InvalidationBatch?.Paths,
    ).toEqual({
      Quantity: 6,
      Items: [
        '/favicon.svg',
        '/index.html',
        '/sign-in.html',
        '/sign-up/confirm.html',
        '/sw.js',
        '/workbox-r1.js',
      ],
    })
    const headers = Object.fromEntries(
      [...bucket].map(([key, put]) => [key, `${put.ContentType} | ${put.CacheControl}`]),
    )
    expect(headers).toEqual({
      'assets/font-a1b2c3d4.woff2': 'font/woff2 | public,max-age=31536000,immutable',
      'assets/index-r1.css': 'text/css; charset=utf-8 | public,max-age=31536000,immutable',
      'assets/index-r1.js': 'text/javascript; charset=utf-8 | public,max-age=31536000,immutable',
      'assets/sign-in-r1.js': 'text/javascript; charset=utf-8 | public,max-age=31536000,immutable',
      'favicon.svg': 'image/svg+xml | no-cache',
      'index.html': 'text/html; charset=utf-8 | no-cache',
      'sign-in.html': 'text/html; charset=utf-8 | no-cache',
      'sign-up/confirm.html': 'text/html; charset=utf-8 | no-cache',
      'sw.js': 'text/javascript; charset=utf-8 | no-cache',
      'workbox-r1.js': 'text/javascript; charset=utf-8 | no-cache',
      '.deploy/releases.json': 'application/json; charset=utf-8 | no-store',
    })
    expect(out.at(-1)).toBe('Released: https://d111111abcdef8.cloudfront.net/')
  })

  it('uploads nothing, and invalidates nothing, when the bucket already holds this release', async () => {
    const bucket = fakeBucket()
    const dist = fakeBuild('r1')
    expect(await main(release(dist), recordingIo().io)).toBe(0)
    expect(bucket.has('.deploy/releases.json')).toBe(true)
    s3.resetHistory()
    cloudFront.resetHistory()

    const { io, out, err } = recordingIo()
    const code = await main(release(dist), io)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(s3.commandCalls(PutObjectCommand)).toEqual([])
    expect(s3.commandCalls(DeleteObjectsCommand)).toEqual([])
    expect(cloudFront.commandCalls(CreateInvalidationCommand)).toEqual([])
    expect(out.at(-1)).toBe(
      'Nothing changed since the last release: https://d111111abcdef8.cloudfront.net/',
    )
  })

  it('uploads again a file that is there with the same content but other headers (as the old aws s3 sync left them)', async () => {
    const bucket = fakeBucket()
    const dist = fakeBuild('r1')
    expect(await main(release(dist), recordingIo().io)).toBe(0)
    bucket.set('assets/index-r1.js', {
      ...bucket.get('assets/index-r1.js'),
      ContentType: 'application/javascript',
    })
    writeFileSync(join(dist, 'favicon.svg'), '<svg><!-- new --></svg>')
    s3.resetHistory()

    expect(await main(release(dist), recordingIo().io)).toBe(0)
    expect(s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key)).toEqual([
      'assets/index-r1.js',
      'favicon.svg',
    ])
    expect(bucket.get('assets/index-r1.js')?.ContentType).toBe('text/javascript; charset=utf-8')
  })

  it('keeps the files of the two previous releases and deletes what only older ones used', async () => {
    const bucket = fakeBucket()
    const keys = (hash: string) => [
      `assets/index-${hash}.js`,
      'assets/font-a1b2c3d4.woff2',
      'index.html',
    ]
    bucket.set(
      '.deploy/releases.json',
      manifest([
        { deployedAt: '2026-01-01T00:00:00.000Z', keys: keys('r0') },
        { deployedAt: '2026-01-02T00:00:00.000Z', keys: keys('r1') },
        { deployedAt: '2026-01-03T00:00:00.000Z', keys: keys('r2') },
      ]),
    )
    const { io } = recordingIo()
    expect(await main(release(fakeBuild('r3')), io)).toBe(0)

    const deletes = s3
      .commandCalls(DeleteObjectsCommand)
      .map((call) => call.args[0].input.Delete?.Objects)
    expect(deletes).toEqual([[{ Key: 'assets/index-r0.js' }]])
    const written = s3.commandCalls(PutObjectCommand, { Key: '.deploy/releases.json' })[0]?.args[0]
      .input
    const releases = JSON.parse(String(written?.Body)).releases as { keys: string[] }[]
    expect(releases.map((r) => r.keys.find((key) => /^assets\/index-.*\.js$/.test(key)))).toEqual([
      'assets/index-r1.js',
      'assets/index-r2.js',
      'assets/index-r3.js',
    ])
    // The deletion comes after the new HTML is up and invalidated.
    expect(callLog().filter((call) => /^(DeleteObjects|CreateInvalidation)/.test(call))).toEqual([
      'CreateInvalidation',
      'DeleteObjects',
    ])
  })

  it('--dry-run prints the plan and changes nothing', async () => {
    fakeBucket()
    const { io, out } = recordingIo()
    expect(await main(release(fakeBuild('r1'), '--dry-run'), io)).toBe(0)
    expect(s3.commandCalls(PutObjectCommand)).toEqual([])
    expect(s3.commandCalls(DeleteObjectsCommand)).toEqual([])
    expect(cloudFront.commandCalls(CreateInvalidationCommand)).toEqual([])
    expect(out).toContain('  would upload index.html (text/html; charset=utf-8, no-cache)')
    expect(out).toContain(
      '  invalidate /favicon.svg /index.html /sign-in.html /sign-up/confirm.html /sw.js /workbox-r1.js;',
    )
    expect(out.at(-1)).toBe('Dry run: nothing was changed.')
  })

  it('refuses a bucket the distribution does not serve, before uploading anything', async () => {
    fakeBucket()
    const { io, err } = recordingIo()
    const flags = release(fakeBuild('r1'))
    flags[1] = 'someone-elses-bucket'
    expect(await main(flags, io)).toBe(1)
    expect(err).toEqual([
      `deploy: Bucket someone-elses-bucket is not the one distribution E2EXAMPLE serves (its origins: ${BUCKET}.s3.us-east-2.amazonaws.com): check --bucket and --distribution-id.`,
    ])
    expect(s3.commandCalls(PutObjectCommand)).toEqual([])
  })

  it('names a missing setting in one line', async () => {
    const { io, err } = recordingIo()
    expect(
      await main(['--distribution-id', 'E2EXAMPLE', '--env-file', '.env.deploy-test'], io),
    ).toBe(1)
    expect(err).toEqual([
      'deploy: Missing setting: pass --bucket or set DEPLOY_BUCKET in .env.deploy-test, or give --stack.',
    ])
  })

  it('names the build setting a release lacks, and how to get it, before building', async () => {
    const envFile = join(fakeBuild('unused'), '.env.production.local')
    writeFileSync(envFile, 'VITE_USER_POOL_ID=us-east-2_AbC123xyz\nVITE_API_URL=/dev_1\n')
    const { io, err } = recordingIo()
    const flags = ['--bucket', BUCKET, '--distribution-id', 'E2EXAMPLE', '--env-file', envFile]
    expect(await main(flags, io)).toBe(1)
    expect(err).toEqual([
      `deploy: Missing setting: set VITE_USER_POOL_CLIENT_ID in ${envFile} (npm run deploy -- --create-app-client --user-pool-id <id> creates the client and sets it).`,
    ])
  })

  it('refuses a file it has no Content-Type for, naming it, before uploading anything', async () => {
    fakeBucket()
    const dist = fakeBuild('r1')
    writeFileSync(join(dist, 'assets', 'data-r1.bin'), 'x')
    const { io, err } = recordingIo()
    expect(await main(release(dist), io)).toBe(1)
    expect(err).toEqual([
      'deploy: No Content-Type known for assets/data-r1.bin: add its extension to scripts/deploy/content-types.ts.',
    ])
    expect(s3.commandCalls(PutObjectCommand)).toEqual([])
  })
})
