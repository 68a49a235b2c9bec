// @vitest-environment node
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation'
import { CloudFrontClient, GetDistributionCommand } from '@aws-sdk/client-cloudfront'
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

  it("gives the client the code flow, the app's scopes and redirect URLs only with a pool domain", () => {
    expect(template).toContain("ManagedLogin: !Not [!Equals [!Ref OAuthDomain, '']]")
    expect(template).toContain(
      'AllowedOAuthFlowsUserPoolClient: !If [ManagedLogin, true, !Ref AWS::NoValue]',
    )
    expect(template).toContain('AllowedOAuthFlows: !If [ManagedLogin, [code], !Ref AWS::NoValue]')
    expect(template).toMatch(
      /AllowedOAuthScopes:\s+!If \[\s+ManagedLogin,\s+\[openid, email, profile, aws\.cognito\.signin\.user\.admin\],\s+!Ref AWS::NoValue,\s+\]/,
    )
    for (const list of ['SupportedIdentityProviders', 'CallbackURLs', 'LogoutURLs']) {
      expect(template).toMatch(
        new RegExp(`${list}:\\s+!If \\[ManagedLogin, !Ref ${list}, !Ref AWS::NoValue\\]`),
      )
      expect(template).toMatch(new RegExp(`  ${list}:\\s+Type: CommaDelimitedList`))
    }
  })
})

const cfn = mockClient(CloudFormationClient)
const cloudFront = mockClient(CloudFrontClient)
beforeEach(() => {
  cfn.reset()
  cloudFront.reset()
})

/**
 * No app client stack yet, then the one CloudFormation created; the hosting
 * stack `console` and no other. Returns each stack asked for, with the region asked in.
 */
function stacks() {
  let appClientStates = 0
  const asked = new Set<string>()
  cfn.on(DescribeStacksCommand).callsFake(async ({ StackName }, getClient) => {
    asked.add(`${StackName} in ${await getClient().config.region()}`)
    if (StackName === 'console') {
      return {
        Stacks: [
          {
            StackName,
            StackStatus: 'UPDATE_COMPLETE',
            Outputs: [{ OutputKey: 'DistributionId', OutputValue: 'E3STACK' }],
          },
        ],
      }
    }
    if (StackName !== 'projects-console-app-client' || appClientStates++ === 0)
      throw new Error(`Stack with id ${StackName} does not exist`)
    return {
      Stacks: [
        {
          StackName,
          StackStatus: 'CREATE_COMPLETE',
          Outputs: [{ OutputKey: 'ClientId', OutputValue: '4example5client6id7' }],
        },
      ],
    }
  })
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
  cfn.on(CreateStackCommand).resolves({})
  return asked
}

function envFileWith(text: string) {
  const envFile = join(mkdtempSync(join(tmpdir(), 'deploy-env-')), '.env.production.local')
  writeFileSync(envFile, text)
  return envFile
}

const createdWith = () =>
  Object.fromEntries(
    (cfn.commandCalls(CreateStackCommand)[0]?.args[0].input.Parameters ?? []).map((p) => [
      p.ParameterKey,
      p.ParameterValue,
    ]),
  )

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
    // A pool without a domain: no OAuth settings on the client.
    expect(input?.Parameters).toEqual([
      { ParameterKey: 'UserPoolId', ParameterValue: 'ap-northeast-1_Xy9' },
      { ParameterKey: 'OAuthDomain', ParameterValue: '' },
      { ParameterKey: 'SupportedIdentityProviders', ParameterValue: 'COGNITO' },
      { ParameterKey: 'CallbackURLs', ParameterValue: '' },
      { ParameterKey: 'LogoutURLs', ParameterValue: '' },
    ])
    expect(new Set(regions)).toEqual(new Set(['ap-northeast-1']))
    expect(readFileSync(envFile, 'utf8')).toBe(
      '# mine\nVITE_API_URL=/dev_1\nVITE_USER_POOL_CLIENT_ID=4example5client6id7\nVITE_USER_POOL_ID=ap-northeast-1_Xy9\n',
    )
    expect(out.at(-1)).toBe(
      `App client 4example5client6id7 on ap-northeast-1_Xy9: written to ${envFile}.`,
    )
  })

  it("with the pool's domain and providers, lets them sign in to the hosted app and to npm run dev, and writes both settings", async () => {
    const asked = stacks()
    cloudFront.on(GetDistributionCommand, { Id: 'E3STACK' }).resolves({
      Distribution: { DomainName: 'd3abc.cloudfront.net' } as never,
    })
    const envFile = envFileWith('VITE_API_URL=/dev_1\nDEPLOY_STACK=console\n')
    const { io, out, err } = recordingIo()
    const args = ['--create-app-client', '--user-pool-id', 'eu-west-1_AbC123xyz']
    const oauth = ['--oauth-domain', 'auth.example.com', '--oauth-providers', 'Google, AcmeSaml']
    const code = await main([...args, ...oauth, '--env-file', envFile, '--region', 'us-east-2'], io)
    expect({ code, err }).toEqual({ code: 0, err: [] })

    // The hosting stack where the deploy keeps it, the client in the pool's region.
    expect(asked).toEqual(
      new Set(['console in us-east-2', 'projects-console-app-client in eu-west-1']),
    )
    expect(createdWith()).toEqual({
      UserPoolId: 'eu-west-1_AbC123xyz',
      OAuthDomain: 'auth.example.com',
      SupportedIdentityProviders: 'COGNITO,Google,AcmeSaml',
      CallbackURLs:
        'https://d3abc.cloudfront.net/oauth/callback,http://localhost:5173/oauth/callback',
      LogoutURLs: 'https://d3abc.cloudfront.net/sign-in,http://localhost:5173/sign-in',
    })
    expect(out[0]).toBe(
      'Sign-in through auth.example.com with COGNITO, Google, AcmeSaml: callback URLs https://d3abc.cloudfront.net/oauth/callback http://localhost:5173/oauth/callback, sign-out URLs https://d3abc.cloudfront.net/sign-in http://localhost:5173/sign-in.',
    )
    expect(readFileSync(envFile, 'utf8')).toBe(
      'VITE_API_URL=/dev_1\nDEPLOY_STACK=console\nVITE_USER_POOL_ID=eu-west-1_AbC123xyz\n' +
        'VITE_USER_POOL_CLIENT_ID=4example5client6id7\nVITE_OAUTH_DOMAIN=auth.example.com\n' +
        'VITE_OAUTH_PROVIDERS=Google,AcmeSaml\n',
    )
  })

  it('takes the domain and providers from the settings file, and the app address from the alternate domain of --distribution-id', async () => {
    stacks()
    cloudFront.on(GetDistributionCommand, { Id: 'E2MINE' }).resolves({
      Distribution: {
        DomainName: 'd9xyz.cloudfront.net',
        DistributionConfig: { Aliases: { Quantity: 1, Items: ['console.example.com'] } },
      } as never,
    })
    const envFile = envFileWith(
      'VITE_OAUTH_DOMAIN=myapp.auth.us-east-2.amazoncognito.com\nVITE_OAUTH_PROVIDERS=SignInWithApple\n',
    )
    const { io, err } = recordingIo()
    const args = ['--create-app-client', '--user-pool-id', 'us-east-2_AbC123xyz']
    const code = await main([...args, '--distribution-id', 'E2MINE', '--env-file', envFile], io)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(createdWith()).toMatchObject({
      OAuthDomain: 'myapp.auth.us-east-2.amazoncognito.com',
      SupportedIdentityProviders: 'COGNITO,SignInWithApple',
      CallbackURLs:
        'https://console.example.com/oauth/callback,http://localhost:5173/oauth/callback',
      LogoutURLs: 'https://console.example.com/sign-in,http://localhost:5173/sign-in',
    })
  })

  it('before the first release, lets only npm run dev sign in that way, and says to run it again', async () => {
    stacks()
    const { io, out, err } = recordingIo()
    const args = ['--create-app-client', '--user-pool-id', 'us-east-2_AbC123xyz']
    const oauth = ['--oauth-domain', 'auth.example.com', '--oauth-providers', 'Google']
    const where = ['--stack', 'new-console', '--region', 'us-east-2', '--env-file', envFileWith('')]
    const code = await main([...args, ...oauth, ...where], io)
    expect({ code, err }).toEqual({ code: 0, err: [] })
    expect(createdWith()).toMatchObject({
      CallbackURLs: 'http://localhost:5173/oauth/callback',
      LogoutURLs: 'http://localhost:5173/sign-in',
    })
    expect(out[1]).toBe(
      "The app isn't hosted yet (no hosting stack or distribution found with --stack or --distribution-id): only http://localhost:5173 can sign in that way. After the first release, run this again to add the app.",
    )
    expect(cloudFront.calls()).toEqual([])
  })

  it('refuses providers without the domain they sign in through, before calling AWS', async () => {
    const { io, err } = recordingIo()
    const args = ['--create-app-client', '--user-pool-id', 'us-east-2_AbC123xyz']
    expect(await main([...args, '--oauth-providers', 'Google', '--env-file', '/none'], io)).toBe(1)
    expect(err).toEqual([
      'deploy: VITE_OAUTH_PROVIDERS needs VITE_OAUTH_DOMAIN: pass --oauth-domain with the domain of the pool those providers are on.',
    ])
    expect(cfn.calls()).toEqual([])
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
