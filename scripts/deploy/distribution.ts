import {
  CreateInvalidationCommand,
  GetDistributionCommand,
  type CloudFrontClient,
  type Distribution,
} from '@aws-sdk/client-cloudfront'
import { DeployError } from './errors.ts'

/**
 * The distribution's public address, after checking that it serves the bucket:
 * a release uploaded to another bucket would never be seen.
 */
export async function distributionUrl(
  cloudFront: CloudFrontClient,
  distributionId: string,
  bucket: string,
): Promise<string> {
  const distribution = await getDistribution(cloudFront, distributionId)
  const config = distribution?.DistributionConfig
  const origins = (config?.Origins?.Items ?? []).map((origin) => origin.DomainName ?? '')
  if (!origins.some((domain) => domain.startsWith(`${bucket}.s3.`))) {
    throw new DeployError(
      `Bucket ${bucket} is not the one distribution ${distributionId} serves ` +
        `(its origins: ${origins.join(', ') || 'none'}): check --bucket and --distribution-id.`,
    )
  }
  return `${appOrigin(distribution)}/`
}

/** The app's origin on the distribution: https:// and its first alternate domain, else its own. */
export async function distributionOrigin(
  cloudFront: CloudFrontClient,
  distributionId: string,
): Promise<string> {
  return appOrigin(await getDistribution(cloudFront, distributionId))
}

function appOrigin(distribution: Distribution | undefined): string {
  return `https://${distribution?.DistributionConfig?.Aliases?.Items?.[0] ?? distribution?.DomainName}`
}

async function getDistribution(cloudFront: CloudFrontClient, distributionId: string) {
  try {
    return (await cloudFront.send(new GetDistributionCommand({ Id: distributionId }))).Distribution
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchDistribution') {
      throw new DeployError(
        `No CloudFront distribution ${distributionId}: check --distribution-id.`,
      )
    }
    throw error
  }
}

/** Asks CloudFront to drop its copies of these paths; returns the invalidation's id. */
export async function invalidate(
  cloudFront: CloudFrontClient,
  distributionId: string,
  paths: string[],
): Promise<string | undefined> {
  const { Invalidation } = await cloudFront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: `deploy-${Date.now()}`,
        Paths: { Quantity: paths.length, Items: paths },
      },
    }),
  )
  return Invalidation?.Id
}
