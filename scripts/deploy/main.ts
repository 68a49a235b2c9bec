import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { CloudFrontClient } from '@aws-sdk/client-cloudfront'
import { S3Client } from '@aws-sdk/client-s3'
import { deployAppClient, hostedOrigin, poolRegion } from './app-client.ts'
import { HELP, parseDeployArgs } from './args.ts'
import { buildApp } from './build.ts'
import { explain } from './errors.ts'
import { deployHosting } from './hosting.ts'
import { parseOAuth } from './oauth.ts'
import { release } from './release.ts'
import { DEFAULT_ENV_FILE, readSettings, required } from './settings.ts'

export interface DeployIo {
  log: (line: string) => void
  error: (line: string) => void
  env: NodeJS.ProcessEnv
  sleep: (ms: number) => Promise<void>
}

const realIo: DeployIo = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  env: process.env,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

/** `npm run deploy -- ...`: returns the exit code; every failure is one line on stderr. */
export async function main(argv: string[], io: DeployIo = realIo): Promise<number> {
  try {
    const args = parseDeployArgs(argv)
    if (args.help) {
      io.log(HELP)
      return 0
    }
    const envFile = args.envFile ?? DEFAULT_ENV_FILE
    const settings = readSettings(envFile, io.env)
    // The flags set these for the build as well, so the app, its client and its CSP agree.
    if (args.oauthDomain !== undefined) settings.VITE_OAUTH_DOMAIN = args.oauthDomain
    if (args.oauthProviders !== undefined) settings.VITE_OAUTH_PROVIDERS = args.oauthProviders
    const oauth = parseOAuth(settings.VITE_OAUTH_DOMAIN, settings.VITE_OAUTH_PROVIDERS)
    const profile = args.profile ?? settings.AWS_PROFILE
    const region = args.region ?? settings.AWS_REGION
    const stackIo = { log: io.log, sleep: io.sleep, dryRun: args.dryRun }
    const cloudFront = new CloudFrontClient({ region: 'us-east-1', profile })
    let distributionId = args.distributionId ?? settings.DEPLOY_DISTRIBUTION_ID
    const stack = args.stack ?? settings.DEPLOY_STACK

    if (args.createAppClient) {
      const userPoolId = required(args.userPoolId ?? settings.VITE_USER_POOL_ID, {
        flag: '--user-pool-id',
        name: 'VITE_USER_POOL_ID',
        envFile,
      })
      const cfn = new CloudFormationClient({ region: poolRegion(userPoolId), profile })
      const appOrigin = oauth
        ? await hostedOrigin(
            { cfn: new CloudFormationClient({ region, profile }), cloudFront },
            { stack, distributionId },
          )
        : undefined
      const appClientStack = args.appClientStack ?? 'projects-console-app-client'
      await deployAppClient(
        cfn,
        { stack: appClientStack, userPoolId, envFile, oauth, appOrigin },
        stackIo,
      )
      return 0
    }

    // S3-compatible emulators are reached by path, not by a bucket subdomain.
    const forcePathStyle = Boolean(io.env.AWS_ENDPOINT_URL || io.env.AWS_ENDPOINT_URL_S3)
    const s3 = new S3Client({ region, profile, forcePathStyle })
    let bucket = args.bucket ?? settings.DEPLOY_BUCKET
    if (stack) {
      const cfn = new CloudFormationClient({ region, profile })
      const hosting = await deployHosting(
        cfn,
        {
          stack,
          envFile,
          apiId: args.apiId ?? settings.DEPLOY_API_ID,
          apiRegion: args.apiRegion ?? settings.DEPLOY_API_REGION,
          apiUrl: settings.VITE_API_URL,
          userPoolId: settings.VITE_USER_POOL_ID,
          oauthDomain: oauth?.domain,
          bucket,
          distributionId,
        },
        stackIo,
      )
      if (!hosting) {
        io.log(`Dry run: the release would go into the new stack's bucket. Nothing was changed.`)
        return 0
      }
      ;({ bucket, distributionId } = hosting)
    }
    const hint = ', or give --stack'
    bucket = required(bucket, { flag: '--bucket', name: 'DEPLOY_BUCKET', envFile, hint })
    distributionId = required(distributionId, {
      flag: '--distribution-id',
      name: 'DEPLOY_DISTRIBUTION_ID',
      envFile,
      hint,
    })
    const dist = args.dist ?? buildApp(settings, envFile)
    await release({ s3, cloudFront, bucket, distributionId }, dist, {
      dryRun: args.dryRun,
      log: io.log,
    })
    return 0
  } catch (error) {
    io.error(`deploy: ${explain(error)}`)
    return 1
  }
}
