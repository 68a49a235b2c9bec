import { readFileSync } from 'node:fs'
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { spaRoutesParameters } from '../../build/route-table.ts'
import { DeployError } from './errors.ts'
import { required } from './settings.ts'
import { deployStack, type StackIo } from './stack.ts'

const TEMPLATE = new URL('../../infra/hosting.yaml', import.meta.url)

export interface HostingSettings {
  stack: string
  envFile: string
  apiId?: string
  apiRegion?: string
  /** The build's settings: the stack serves the same API stage and Cognito region. */
  apiUrl?: string
  userPoolId?: string
  /** The pool's domain the app signs in through, if any: its CSP allows it. */
  oauthDomain?: string
  bucket?: string
  distributionId?: string
}

/**
 * Creates or updates the hosting stack (infra/hosting.yaml), then names the
 * bucket and distribution to release into (null on a dry run of a new stack).
 */
export async function deployHosting(
  cfn: CloudFormationClient,
  settings: HostingSettings,
  io: StackIo,
): Promise<{ bucket: string; distributionId: string } | null> {
  const { stack, envFile } = settings
  const apiUrl = required(settings.apiUrl, { name: 'VITE_API_URL', envFile })
  const userPoolId = required(settings.userPoolId, { name: 'VITE_USER_POOL_ID', envFile })
  const stage = new URL(apiUrl, 'https://app.invalid').pathname.split('/')[1]
  if (!stage) throw new DeployError(`VITE_API_URL=${apiUrl} names no API stage (e.g. /dev_1).`)

  const outputs = await deployStack(
    cfn,
    {
      name: stack,
      templateBody: readFileSync(TEMPLATE, 'utf8'),
      parameters: {
        ApiId: settings.apiId,
        ApiRegion: settings.apiRegion,
        ApiStage: stage,
        CognitoRegion: userPoolId.split('_')[0],
        // Always passed: the header follows the build's settings, domain or none.
        OAuthDomain: settings.oauthDomain ?? '',
        // The app's routes, for the function that serves each its document.
        ...spaRoutesParameters(),
      },
      requiredToCreate: { ApiId: `pass --api-id or set DEPLOY_API_ID in ${envFile}` },
    },
    io,
  )
  if (!outputs) return null
  const bucket = outputs.BucketName ?? ''
  const distributionId = outputs.DistributionId ?? ''
  if (settings.bucket && settings.bucket !== bucket) {
    throw new DeployError(
      `Bucket ${settings.bucket} is not stack ${stack}'s (its bucket is ${bucket}): drop --bucket / DEPLOY_BUCKET.`,
    )
  }
  if (settings.distributionId && settings.distributionId !== distributionId) {
    throw new DeployError(
      `Distribution ${settings.distributionId} is not stack ${stack}'s (its distribution is ${distributionId}): drop --distribution-id / DEPLOY_DISTRIBUTION_ID.`,
    )
  }
  return { bucket, distributionId }
}
