// @vitest-environment node
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation'
import { mockClient } from 'aws-sdk-client-mock'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../scripts/deploy/main.ts'
import { recordingIo } from './fixtures.ts'

const template = readFileSync('infra/app-client.yaml', 'utf8')
const hasCfnLint = spawnSync('cfn-lint', ['--version']).status === 0
if (!hasCfnLint) {
  process.stderr.write(
    '\n[deploy] app-client.yaml cfn-lint check NOT RUN: cfn-lint not installed (pip install cfn-lint)\n',
  )
}

describe('the app client template (infra/app-client.yaml)', () => {
  it.skipIf(!hasCfnLint)(
    `passes cfn-lint${hasCfnLint ? '' : ' (skipped: cfn-lint is not installed; pip install cfn-lint)'}`,
    () => {
      execFileSync('cfn-lint', ['infra/app-client.yaml'], { encoding: 'utf8' })
    },
    60_000, // cfn-lint loads every resource spec: seconds, more on a busy machine
  )

  it('makes the client the app needs: no secret, SRP and refresh, no user existence errors, the contract token lifetimes', () => {
    expect(template).toContain('Type: AWS::Cognito::UserPoolClient')
    expect(template).toContain('GenerateSecret: false')
    expect(template).toMatch(
      /ExplicitAuthFlows:\s+- ALLOW_USER_SRP_AUTH\s+- ALLOW_REFRESH_TOKEN_AUTH\n\s+#/,
    )
    expect(template).toContain('PreventUserExistenceErrors: ENABLED')
    expect(template).toMatch(
      /IdTokenValidity: 60\s+AccessTokenValidity: 60\s+RefreshTokenValidity: 30/,
    )
    expect(template).toMatch(
      /TokenValidityUnits:\s+IdToken: minutes\s+AccessToken: minutes\s+RefreshToken: days/,
    )
    expect(template).toMatch(/Outputs:\s+ClientId:[\s\S]+Value: !Ref AppClient/)
  })
})

const cfn = mockClient(CloudFormationClient)
beforeEach(() => cfn.reset())

describe('npm run deploy -- --create-app-client --user-pool-id <id>', () => {
  it("deploys the client on the pool, in the pool's region, and writes its id where the build reads it", async () => {
    let states = 0
    const regions: string[] = []
    cfn.on(DescribeStacksCommand).callsFake(async (_input, getClient) => {
      regions.push(await getClient().config.region())
      if (states++ === 0)
        throw new Error('Stack with id projects-console-app-client does not exist')
      return {
        Stacks: [
          {
            StackName: 'projects-console-app-client',
            StackStatus: 'CREATE_COMPLETE',
            Outputs: [{ OutputKey: 'ClientId', OutputValue: '4example5client6id7' }],
          },
        ],
      }
    })
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
    cfn.on(CreateStackCommand).resolves({})
    const envFile = join(mkdtempSync(join(tmpdir(), 'deploy-env-')), '.env.production.local')
    writeFileSync(envFile, '# mine\nVITE_API_URL=/dev_1\nVITE_USER_POOL_CLIENT_ID=old\n')

    const { io, out, err } = recordingIo()
    const code = await main(
      ['--create-app-client', '--user-pool-id', 'ap-northeast-1_Xy9', '--env-file', envFile],
      io,
    )
    expect({ code, err }).toEqual({ code: 0, err: [] })
    const input = cfn.commandCalls(CreateStackCommand)[0]?.args[0].input
    expect(input?.TemplateBody).toBe(template)
    expect(input?.Parameters).toEqual([
      { ParameterKey: 'UserPoolId', ParameterValue: 'ap-northeast-1_Xy9' },
    ])
    expect(new Set(regions)).toEqual(new Set(['ap-northeast-1']))
    expect(readFileSync(envFile, 'utf8')).toBe(
      '# mine\nVITE_API_URL=/dev_1\nVITE_USER_POOL_CLIENT_ID=4example5client6id7\nVITE_USER_POOL_ID=ap-northeast-1_Xy9\n',
    )
    expect(out.at(-1)).toBe(
      `App client 4example5client6id7 on ap-northeast-1_Xy9: written to ${envFile}.`,
    )
  })

  it('refuses something that is not a pool id before calling AWS', async () => {
    const { io, err } = recordingIo()
    const args = ['--create-app-client', '--user-pool-id', 'AbC123xyz', '--env-file', '/none']
    expect(await main(args, io)).toBe(1)
    expect(err).toEqual([
      'deploy: --user-pool-id AbC123xyz is not a user pool id (like us-east-2_AbC123xyz).',
    ])
    expect(cfn.calls()).toEqual([])
  })
})
