import { parseArgs } from 'node:util'
import { DeployError } from './errors.ts'

export const HELP = `Usage: npm run deploy -- [flags]

Release the app (build, upload to S3, invalidate CloudFront):
  --stack <name>             Create or update the hosting stack (infra/hosting.yaml), show its
                             progress until it settles, then release into its bucket and distribution.
  --bucket <name>            Release into this existing S3 bucket (with --distribution-id).
  --distribution-id <id>     The CloudFront distribution that serves the bucket.
  --api-id <id>              Creating the stack: the existing REST API's id (the abc123 of
                             abc123.execute-api.<region>.amazonaws.com). Kept as it was on updates.
  --api-region <region>      Creating the stack: the API's region (default us-east-2). Kept on updates.
  --dist <dir>               Release this already-built folder instead of building first.
  --dry-run                  Print the plan (stack, uploads, invalidation, deletions); change nothing.

Create or update the app client (before the first release; with a pool domain, again after it):
  --create-app-client        Deploy infra/app-client.yaml on the pool, then write VITE_USER_POOL_ID
                             and VITE_USER_POOL_CLIENT_ID into the settings file.
  --user-pool-id <id>        The existing user pool, e.g. us-east-2_AbC123xyz (deployed in its region).
  --app-client-stack <name>  The app client stack's name (default projects-console-app-client).
  With a pool domain (--oauth-domain), the client also gets the code flow, the app's scopes,
  COGNITO and the providers, and as callback and sign-out URLs https://<app>/oauth/callback and
  /sign-in (<app>: the distribution of --stack or --distribution-id, once it exists) and
  http://localhost:5173's. Both settings are written into the settings file too.

Sign-in with the pool's identity providers (for the app client, the build and the stack's CSP):
  --oauth-domain <domain>    The pool's domain, without https://, e.g. auth.example.com or
                             myapp.auth.us-east-2.amazoncognito.com (VITE_OAUTH_DOMAIN).
  --oauth-providers <names>  Its identity providers the app offers, comma-separated: Google,
                             SignInWithApple, Facebook, LoginWithAmazon or a SAML/OIDC provider's
                             name on the pool (VITE_OAUTH_PROVIDERS).

Everywhere:
  --env-file <path>          The settings file (default .env.production.local, which the build also
                             reads). The environment overrides it; flags override both.
  --region <region>          Region of the hosting stack and bucket (default AWS_REGION or the profile's).
  --profile <name>           AWS profile to use (default AWS_PROFILE).
  -h, --help                 Print this help.

Settings file entries: DEPLOY_STACK, DEPLOY_BUCKET, DEPLOY_DISTRIBUTION_ID, DEPLOY_API_ID,
DEPLOY_API_REGION, AWS_REGION, AWS_PROFILE, and the build's VITE_* settings (see .env.example).
Credentials come from the AWS SDK's standard chain (environment, profile, SSO, instance role).
AWS_ENDPOINT_URL sends every call to another endpoint, e.g. a local emulator.

Each release uploads the hashed assets (cached for a year) before the HTML (no-cache), skips
files already in the bucket with the same content and headers, keeps the files of the two
previous releases for pages still open on them (listed in .deploy/releases.json in the bucket)
and deletes older ones, then invalidates the HTML paths and prints the app's URL.`

/** Every flag; --help describes each (a test checks). */
export const OPTIONS = {
  help: { type: 'boolean', short: 'h', default: false },
  stack: { type: 'string' },
  bucket: { type: 'string' },
  'distribution-id': { type: 'string' },
  'api-id': { type: 'string' },
  'api-region': { type: 'string' },
  dist: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'create-app-client': { type: 'boolean', default: false },
  'user-pool-id': { type: 'string' },
  'app-client-stack': { type: 'string' },
  'oauth-domain': { type: 'string' },
  'oauth-providers': { type: 'string' },
  'env-file': { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
} as const

export interface DeployArgs {
  help: boolean
  stack?: string
  bucket?: string
  distributionId?: string
  apiId?: string
  apiRegion?: string
  dist?: string
  dryRun: boolean
  createAppClient: boolean
  userPoolId?: string
  appClientStack?: string
  oauthDomain?: string
  oauthProviders?: string
  envFile?: string
  region?: string
  profile?: string
}

export function parseDeployArgs(argv: string[]): DeployArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    }))
  } catch (error) {
    throw new DeployError(`${(error as Error).message} (see npm run deploy -- --help)`)
  }
  return {
    help: values.help,
    stack: values.stack,
    bucket: values.bucket,
    distributionId: values['distribution-id'],
    apiId: values['api-id'],
    apiRegion: values['api-region'],
    dist: values.dist,
    dryRun: values['dry-run'],
    createAppClient: values['create-app-client'],
    userPoolId: values['user-pool-id'],
    appClientStack: values['app-client-stack'],
    oauthDomain: values['oauth-domain'],
    oauthProviders: values['oauth-providers'],
    envFile: values['env-file'],
    region: values.region,
    profile: values.profile,
  }
}
