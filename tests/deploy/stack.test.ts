// @vitest-environment node
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation'
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetDistributionCommand,
} from '@aws-sdk/client-cloudfront'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../scripts/deploy/main.ts'
import { fakeBuild, recordingIo } from './fixtures.ts'
import { spaRoutesParameters } from '../../build/route-table'

/** The app's route table, which every deploy of the stack passes to its viewer-request function. */
const routeTable = Object.entries(spaRoutesParameters()).map(([ParameterKey, ParameterValue]) => ({
  ParameterKey,
  ParameterValue,
}))

/** `--stack`: the hosting stack's life, with CloudFormation, S3 and CloudFront mocked. */
const cfn = mockClient(CloudFormationClient)
const s3 = mockClient(S3Client)
const cloudFront = mockClient(CloudFrontClient)
const BUCKET = 'console-sitebucket-9xyz'
const OUTPUTS = [
  { OutputKey: 'BucketName', OutputValue: BUCKET },
  { OutputKey: 'DistributionId', OutputValue: 'E3STACK' },
  { OutputKey: 'AppUrl', OutputValue: 'https://d3abc.cloudfront.net' },
]

function error(name: string, message: string) {
  return Object.assign(new Error(message), { name })
}
const missing = error('ValidationError', 'Stack with id console does not exist')

function settingsFile(extra = '') {
  const file = join(mkdtempSync(join(tmpdir(), 'deploy-env-')), '.env.production.local')
  writeFileSync(
    file,
    `VITE_USER_POOL_ID=eu-west-1_AbC123xyz\nVITE_USER_POOL_CLIENT_ID=abc\nVITE_API_URL=/prod\n${extra}`,
  )
  return file
}
const deploy = (envFile: string, ...flags: string[]) => [
  '--stack',
  'console',
  '--env-file',
  envFile,
  '--dist',
  fakeBuild('r1'),
  ...flags,
]

/** The stack as CloudFormation reports it on each DescribeStacks, then its last state for good. */
function stackStates(...states: (Stack | Error)[]) {
  let call = 0
  cfn.on(DescribeStacksCommand).callsFake(() => {
    const state = states[Math.min(call++, states.length - 1)]
    if (state instanceof Error) throw state
    return { Stacks: [state] }
  })
}
const stack = (StackStatus: string, extra: Partial<Stack> = {}): Stack =>
  ({ StackName: 'console', StackStatus, Outputs: OUTPUTS, ...extra }) as Stack

function events(...list: [string, string, string?][]) {
  const all: StackEvent[] = list.map(([id, status, reason], index) => ({
    EventId: `e${index}`,
    StackId: 'console',
    StackName: 'console',
    LogicalResourceId: id,
    ResourceStatus: status as never,
    ResourceStatusReason: reason,
    Timestamp: new Date(),
  }))
  // CloudFormation lists the newest first. An existing stack has an event from
  // before this deploy; each poll after the create or update sees one more new event.
  const old = { ...all[0], EventId: 'old', ResourceStatusReason: 'last week' } as StackEvent
  let seen = 0
  cfn.on(DescribeStackEventsCommand).callsFake(() => {
    const created = cfn.commandCalls(CreateStackCommand).length > 0
    const started = created || cfn.commandCalls(UpdateStackCommand).length > 0
    const recent = all.slice(0, started ? ++seen : 0).reverse()
    return { StackEvents: created ? recent : [...recent, old] }
  })
}

beforeEach(() => {
  cfn.reset()
  s3.reset()
  cloudFront.reset()
  cloudFront.on(GetDistributionCommand).resolves({
    Distribution: {
      DomainName: 'd3abc.cloudfront.net',
      DistributionConfig: {
        Origins: { Items: [{ DomainName: `${BUCKET}.s3.eu-west-1.amazonaws.com` }] },
      },
    } as never,
  })
  cloudFront.on(CreateInvalidationCommand).resolves({ Invalidation: { Id: 'I1' } as never })
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
  s3.on(GetObjectCommand).rejects(error('NoSuchKey', 'NoSuchKey'))
  s3.on(HeadObjectCommand).rejects(error('NotFound', 'NotFound'))
  s3.on(PutObjectCommand).resolves({})
})

describe('npm run deploy -- --stack <name>', () => {
  it('creates the stack from the build settings, shows its progress, then releases into its bucket', async () => {
    stackStates(
      missing,
      stack('CREATE_IN_PROGRESS'),
      stack('CREATE_IN_PROGRESS'),
      stack('CREATE_COMPLETE'),
    )
    events(
      ['console', 'CREATE_IN_PROGRESS', 'User Initiated'],
      ['SiteBucket', 'CREATE_COMPLETE'],
      ['console', 'CREATE_COMPLETE'],
    )
    cfn.on(CreateStackCommand).resolves({ StackId: 'console' })
    const { io, out, err } = recordingIo()
    const code = await main(deploy(settingsFile('DEPLOY_API_ID=abc123\n')), io)
    expect({ code, err }).toEqual({ code: 0, err: [] })

    const input = cfn.commandCalls(CreateStackCommand)[0]?.args[0].input
    expect(input?.TemplateBody).toBe(readFileSync('infra/hosting.yaml', 'utf8'))
    expect(input?.Parameters).toEqual([
      { ParameterKey: 'ApiId', ParameterValue: 'abc123' },
      { ParameterKey: 'ApiStage', ParameterValue: 'prod' },
      { ParameterKey: 'CognitoRegion', ParameterValue: 'eu-west-1' },
      { ParameterKey: 'OAuthDomain', ParameterValue: '' },
      ...routeTable,
    ])
    expect(out.slice(0, 5)).toEqual([
      'Creating stack console...',
      '  console CREATE_IN_PROGRESS (User Initiated)',
      '  SiteBucket CREATE_COMPLETE',
      '  console CREATE_COMPLETE',
      'Stack console: CREATE_COMPLETE.',
    ])
    const uploads = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Bucket)
    expect(new Set(uploads)).toEqual(new Set([BUCKET]))
    expect(
      cloudFront.commandCalls(CreateInvalidationCommand)[0]?.args[0].input.DistributionId,
    ).toBe('E3STACK')
    expect(out.at(-1)).toBe('Released: https://d3abc.cloudfront.net/')
  })

  it('keeps the parameters it is not given when the stack exists, and releases when nothing changed', async () => {
    stackStates(
      stack('UPDATE_COMPLETE', {
        Parameters: [
          { ParameterKey: 'ApiId', ParameterValue: 'abc123' },
          { ParameterKey: 'ApiRegion' },
        ],
      }),
    )
    events(['console', 'UPDATE_COMPLETE'])
    cfn.on(UpdateStackCommand).rejects(error('ValidationError', 'No updates are to be performed.'))
    const { io, out, err } = recordingIo()
    const code = await main(deploy(settingsFile()), io)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(cfn.commandCalls(UpdateStackCommand)[0]?.args[0].input.Parameters).toEqual([
      { ParameterKey: 'ApiId', UsePreviousValue: true },
      { ParameterKey: 'ApiRegion', UsePreviousValue: true },
      { ParameterKey: 'ApiStage', ParameterValue: 'prod' },
      { ParameterKey: 'CognitoRegion', ParameterValue: 'eu-west-1' },
      { ParameterKey: 'OAuthDomain', ParameterValue: '' },
      ...routeTable,
    ])
    expect(out[0]).toBe('Stack console is up to date.')
    expect(s3.commandCalls(PutObjectCommand).length).toBeGreaterThan(0)
  })

  it('gives the stack the pool domain the build signs in through, so the CSP lets the app fetch its tokens; the flag wins', async () => {
    stackStates(stack('UPDATE_COMPLETE'))
    cfn.on(UpdateStackCommand).rejects(error('ValidationError', 'No updates are to be performed.'))
    const envFile = settingsFile(
      'VITE_OAUTH_DOMAIN=auth.example.com\nVITE_OAUTH_PROVIDERS=Google\n',
    )
    const oauthDomain = () =>
      cfn
        .commandCalls(UpdateStackCommand)
        .at(-1)
        ?.args[0].input.Parameters?.find((p) => p.ParameterKey === 'OAuthDomain')

    expect(await main(deploy(envFile), recordingIo().io)).toBe(0)
    expect(oauthDomain()).toEqual({
      ParameterKey: 'OAuthDomain',
      ParameterValue: 'auth.example.com',
    })
    const flag = deploy(envFile, '--oauth-domain', 'myapp.auth.eu-west-1.amazoncognito.com')
    expect(await main(flag, recordingIo().io)).toBe(0)
    expect(oauthDomain()).toEqual({
      ParameterKey: 'OAuthDomain',
      ParameterValue: 'myapp.auth.eu-west-1.amazoncognito.com',
    })
  })

  it('refuses a pool domain written as a URL in one line, before touching the stack', async () => {
    const { io, err } = recordingIo()
    const envFile = settingsFile('VITE_OAUTH_DOMAIN=https://auth.example.com/\n')
    expect(await main(deploy(envFile), io)).toBe(1)
    expect(err).toEqual([
      "deploy: VITE_OAUTH_DOMAIN=https://auth.example.com/ is not a domain: give the pool's domain without https:// or a path, e.g. auth.example.com.",
    ])
    expect(cfn.calls()).toEqual([])
  })

  it('refuses a stack in a failed state in one line, and touches nothing', async () => {
    stackStates(stack('ROLLBACK_COMPLETE'))
    const { io, err } = recordingIo()
    expect(await main(deploy(settingsFile()), io)).toBe(1)
    expect(err).toEqual([
      'deploy: Stack console is in ROLLBACK_COMPLETE: its creation failed; delete it in the CloudFormation console, then run again.',
    ])
    expect(cfn.commandCalls(UpdateStackCommand)).toEqual([])
    expect(s3.calls()).toEqual([])
  })

  it('stops with the failed resource named when an update rolls back, and releases nothing', async () => {
    stackStates(
      stack('UPDATE_COMPLETE'),
      stack('UPDATE_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_COMPLETE'),
    )
    events(
      ['Distribution', 'UPDATE_FAILED', 'Invalid request provided: the CNAME is already in use'],
      ['console', 'UPDATE_ROLLBACK_COMPLETE'],
    )
    cfn.on(UpdateStackCommand).resolves({})
    const { io, err } = recordingIo()
    expect(await main(deploy(settingsFile()), io)).toBe(1)
    expect(err).toEqual([
      'deploy: Stack console ended in UPDATE_ROLLBACK_COMPLETE: Distribution: Invalid request provided: the CNAME is already in use (all events in the CloudFormation console).',
    ])
    expect(s3.commandCalls(PutObjectCommand)).toEqual([])
  })

  it("refuses a --bucket that isn't the stack's", async () => {
    stackStates(stack('UPDATE_COMPLETE'))
    cfn.on(UpdateStackCommand).rejects(error('ValidationError', 'No updates are to be performed.'))
    const { io, err } = recordingIo()
    expect(await main(deploy(settingsFile(), '--bucket', 'my-old-bucket'), io)).toBe(1)
    expect(err).toEqual([
      `deploy: Bucket my-old-bucket is not stack console's (its bucket is ${BUCKET}): drop --bucket / DEPLOY_BUCKET.`,
    ])
    expect(s3.commandCalls(PutObjectCommand)).toEqual([])
  })

  it('names the setting a new stack needs', async () => {
    stackStates(missing)
    const { io, err } = recordingIo()
    const envFile = settingsFile()
    expect(await main(deploy(envFile), io)).toBe(1)
    expect(err).toEqual([
      `deploy: Missing setting to create stack console: pass --api-id or set DEPLOY_API_ID in ${envFile}.`,
    ])
    expect(cfn.commandCalls(CreateStackCommand)).toEqual([])
  })

  it('--dry-run of a new stack says it would create it, and creates nothing', async () => {
    stackStates(missing)
    const { io, out, err } = recordingIo()
    const code = await main(deploy(settingsFile(), '--api-id', 'abc123', '--dry-run'), io)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(out).toEqual([
      'Would create stack console.',
      "Dry run: the release would go into the new stack's bucket. Nothing was changed.",
    ])
    expect(cfn.commandCalls(CreateStackCommand)).toEqual([])
    expect(s3.calls()).toEqual([])
  })
})
