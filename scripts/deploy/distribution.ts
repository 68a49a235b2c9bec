import {
  CreateInvalidationCommand,
  GetDistributionCommand,
  type CloudFrontClient,
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
  let distribution
  try {
    ;({ Distribution: distribution } = await cloudFront.send(
      new GetDistributionCommand({ Id: distributionId }),
    ))
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchDistribution') {
      throw new DeployError(
        `No CloudFront distribution ${distributionId}: check --distribution-id.`,
      )
    }
    throw error
  }
  const config = distribution?.DistributionConfig
  const origins = (config?.Origins?.Items ?? []).map((origin) => origin.DomainName ?? '')
  if (!origins.some((domain) => domain.startsWith(`${bucket}.s3.`))) {
    throw new DeployError(
      `Bucket ${bucket} is not the one distribution ${distributionId} serves ` +
        `(its origins: ${origins.join(', ') || 'none'}): check --bucket and --distribution-id.`,
    )
  }
  const host = config?.Aliases?.Items?.[0] ?? distribution?.DomainName
  return `https://${host}/`
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
