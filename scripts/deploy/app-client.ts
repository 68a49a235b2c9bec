import { readFileSync } from 'node:fs'
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront'
import { distributionOrigin } from './distribution.ts'
import { DeployError } from './errors.ts'
import { DEV_ORIGIN, redirectUrls, type OAuthSettings } from './oauth.ts'
import { writeSettings } from './settings.ts'
import { deployStack, describeStack, outputsOf, type StackIo } from './stack.ts'

const TEMPLATE = new URL('../../infra/app-client.yaml', import.meta.url)

/** The pool's region is the prefix of its id: us-east-2_AbC123xyz. */
export function poolRegion(userPoolId: string): string {
  const region = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9a-zA-Z]+$/.exec(userPoolId)?.[1]
  if (!region) {
    throw new DeployError(
      `--user-pool-id ${userPoolId} is not a user pool id (like us-east-2_AbC123xyz).`,
    )
  }
  return region
}

/**
 * The app's origin, which the pool's domain sends users back to: the
 * distribution's (named, or the hosting stack's); undefined before the stack exists.
 */
export async function hostedOrigin(
  hosting: { cfn: CloudFormationClient; cloudFront: CloudFrontClient },
  names: { stack?: string; distributionId?: string },
): Promise<string | undefined> {
  let { distributionId } = names
  if (!distributionId && names.stack) {
    const stack = await describeStack(hosting.cfn, names.stack)
    distributionId = stack && outputsOf(stack).DistributionId
  }
  return distributionId ? distributionOrigin(hosting.cloudFront, distributionId) : undefined
}

export interface AppClientSettings {
  stack: string
  userPoolId: string
  envFile: string
  /** Sign-in through the pool's domain, or null for none. */
  oauth: OAuthSettings | null
  /** The hosted app's origin, when there is one yet. */
  appOrigin?: string
}

/**
 * Deploys infra/app-client.yaml on the existing pool (in the pool's region,
 * see main.ts) and writes the pool and client ids, and the OAuth settings it
 * was deployed with, into the env file the build reads.
 */
export async function deployAppClient(
  cfn: CloudFormationClient,
  settings: AppClientSettings,
  io: StackIo,
): Promise<void> {
  const { stack, userPoolId, envFile, oauth, appOrigin } = settings
  const providers = ['COGNITO', ...(oauth?.providers ?? [])]
  // npm run dev too, so the app on a developer's machine can sign in against this pool.
  const origins = oauth ? [...(appOrigin ? [appOrigin] : []), DEV_ORIGIN] : []
  const { callbackUrls, logoutUrls } = redirectUrls(origins)
  if (oauth) {
    io.log(
      `Sign-in through ${oauth.domain} with ${providers.join(', ')}: ` +
        `callback URLs ${callbackUrls.join(' ')}, sign-out URLs ${logoutUrls.join(' ')}.`,
    )
    if (!appOrigin) {
      io.log(
        `The app isn't hosted yet (no hosting stack or distribution found with --stack or ` +
          `--distribution-id): only ${DEV_ORIGIN} ` +
          'can sign in that way. After the first release, run this again to add the app.',
      )
    }
  }
  const outputs = await deployStack(
    cfn,
    {
      name: stack,
      templateBody: readFileSync(TEMPLATE, 'utf8'),
      parameters: {
        UserPoolId: userPoolId,
        // Always passed, so a client deployed without a domain has no OAuth settings left.
        OAuthDomain: oauth?.domain ?? '',
        SupportedIdentityProviders: providers.join(','),
        CallbackURLs: callbackUrls.join(','),
        LogoutURLs: logoutUrls.join(','),
      },
    },
    io,
  )
  const oauthSettings: Record<string, string> = oauth
    ? { VITE_OAUTH_DOMAIN: oauth.domain, VITE_OAUTH_PROVIDERS: oauth.providers.join(',') }
    : {}
  if (io.dryRun) {
    const names = ['VITE_USER_POOL_ID', 'VITE_USER_POOL_CLIENT_ID', ...Object.keys(oauthSettings)]
    io.log(`Would write ${names.join(', ')} to ${envFile}.`)
    return
  }
  const clientId = outputs?.ClientId
  if (!clientId)
    throw new DeployError(`Stack ${stack} has no ClientId output: is it an app-client stack?`)
  writeSettings(envFile, {
    VITE_USER_POOL_ID: userPoolId,
    VITE_USER_POOL_CLIENT_ID: clientId,
    ...oauthSettings,
  })
  io.log(`App client ${clientId} on ${userPoolId}: written to ${envFile}.`)
}
