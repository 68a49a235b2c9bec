/** A problem the person deploying can fix; its message is the one line they see. */
export class DeployError extends Error {
  override name = 'DeployError'
}

/** One line that names what to fix, for any error the deploy can meet. */
export function explain(error: unknown): string {
  if (error instanceof DeployError) return error.message
  const { name = '', message = String(error) } = (error ?? {}) as {
    name?: string
    message?: string
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return (
      'No AWS credentials found: set AWS_PROFILE (or --profile) to a configured profile, ' +
      'or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
    )
  }
  if (/Region is missing/i.test(message)) {
    return 'No AWS region: pass --region or set AWS_REGION (or a region in your AWS profile).'
  }
  if (/ExpiredToken|TokenRefreshRequired/.test(name) || /token.*expired/i.test(message)) {
    return `Your AWS credentials have expired (${message}): sign in again.`
  }
  if (
    /InvalidClientTokenId|InvalidAccessKeyId|SignatureDoesNotMatch|UnrecognizedClient/.test(name)
  ) {
    return `AWS did not accept the credentials (${name}): check AWS_PROFILE or the access keys.`
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${name} ${message}`)) {
    const endpoint = process.env.AWS_ENDPOINT_URL
    return `Cannot reach AWS${endpoint ? ` at AWS_ENDPOINT_URL=${endpoint}` : ''}: ${message}`
  }
  return `${name && name !== 'Error' ? `${name}: ` : ''}${message.split('\n')[0]}`
}
