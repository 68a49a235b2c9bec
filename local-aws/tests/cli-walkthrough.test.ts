// @vitest-environment node
/**
 * The terminal walkthrough of api-contract.md, with the real AWS CLI and curl,
 * against the standalone server. The CLI is a dev tool most machines lack:
 * then this test is reported as skipped, with the reason in its name.
 */
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { server } from './emulator.ts'
import { startStandalone, type Standalone } from './standalone-process.ts'

const has = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0
const hasAws = has('aws')
const hasCurl = has('curl')
const missing = [!hasAws && 'AWS CLI', !hasCurl && 'curl'].filter(Boolean).join(' and ')

// The contract's commands, with --endpoint-url and the emulator's URLs; the code comes from the inbox.
const WALKTHROUGH = String.raw`
set -euo pipefail
aws() { command aws --endpoint-url "$ENDPOINT" "$@"; }

aws cognito-idp sign-up --client-id "$AWS_CLIENT_ID" \
  --username "$AWS_USER_EMAIL" --password "$AWS_PASSWORD" \
  --user-attribute "Name=email,Value=$AWS_USER_EMAIL" > /dev/null
CODE=$(curl -sf "$INBOX?to=$AWS_USER_EMAIL" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).at(-1).code))')
aws cognito-idp confirm-sign-up --client-id "$AWS_CLIENT_ID" \
  --username "$AWS_USER_EMAIL" --confirmation-code "$CODE" > /dev/null

TOKEN=$(aws cognito-idp admin-initiate-auth \
  --user-pool-id "$AWS_USER_POOL_ID" --client-id "$AWS_CLIENT_ID" \
  --auth-flow ADMIN_NO_SRP_AUTH \
  --auth-parameters "USERNAME=$AWS_USER_EMAIL,PASSWORD=$AWS_PASSWORD" \
  --query AuthenticationResult.IdToken --output text)

curl -sS -H "Authorization: $TOKEN" "$API/projects"; echo
curl -sS -X POST   -d '{"project-id": 200, "name": "Typing", "is-default": false}' -H "Authorization: $TOKEN" "$API/projects"; echo
curl -sS -X PUT    -d '{"project-id": 200, "name": "Yoga"}' -H "Authorization: $TOKEN" "$API/projects"; echo
curl -sS -X DELETE -d '{"project-id": 200}' -H "Authorization: $TOKEN" "$API/projects"; echo
`

// The README's MFA commands: pool configuration, an invited user, TOTP set up and used.
// The code an authenticator app would show is computed from the secret with otpauth.
const MFA_WALKTHROUGH = String.raw`
set -euo pipefail
aws() { command aws --endpoint-url "$ENDPOINT" "$@"; }
totp() { node --input-type=module -e "import { TOTP } from 'otpauth'; console.log(new TOTP({ secret: process.argv[1] }).generate())" "$1"; }

aws cognito-idp set-user-pool-mfa-config --user-pool-id "$AWS_USER_POOL_ID"   --mfa-configuration OPTIONAL --software-token-mfa-configuration Enabled=true   --email-mfa-configuration 'Message="Your sign-in code is {####}",Subject="Sign-in code"' > /dev/null
aws cognito-idp get-user-pool-mfa-config --user-pool-id "$AWS_USER_POOL_ID" --query MfaConfiguration --output text

aws cognito-idp admin-create-user --user-pool-id "$AWS_USER_POOL_ID" --username "$AWS_USER_EMAIL"   --user-attributes "Name=email,Value=$AWS_USER_EMAIL" Name=email_verified,Value=true > /dev/null
TEMPORARY=$(curl -sf "$INBOX?to=$AWS_USER_EMAIL" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).at(-1).code))')
SESSION=$(aws cognito-idp admin-initiate-auth --user-pool-id "$AWS_USER_POOL_ID" --client-id "$AWS_CLIENT_ID"   --auth-flow ADMIN_USER_PASSWORD_AUTH --auth-parameters "USERNAME=$AWS_USER_EMAIL,PASSWORD=$TEMPORARY"   --query Session --output text)
ACCESS=$(aws cognito-idp admin-respond-to-auth-challenge --user-pool-id "$AWS_USER_POOL_ID" --client-id "$AWS_CLIENT_ID"   --challenge-name NEW_PASSWORD_REQUIRED --session "$SESSION"   --challenge-responses "USERNAME=$AWS_USER_EMAIL,NEW_PASSWORD=$AWS_PASSWORD"   --query AuthenticationResult.AccessToken --output text)

SECRET=$(aws cognito-idp associate-software-token --access-token "$ACCESS" --query SecretCode --output text)
aws cognito-idp verify-software-token --access-token "$ACCESS" --user-code "$(totp "$SECRET")" --query Status --output text
aws cognito-idp set-user-mfa-preference --access-token "$ACCESS"   --software-token-mfa-settings Enabled=true,PreferredMfa=true

SESSION=$(aws cognito-idp admin-initiate-auth --user-pool-id "$AWS_USER_POOL_ID" --client-id "$AWS_CLIENT_ID"   --auth-flow ADMIN_USER_PASSWORD_AUTH --auth-parameters "USERNAME=$AWS_USER_EMAIL,PASSWORD=$AWS_PASSWORD"   --query Session --output text)
aws cognito-idp admin-respond-to-auth-challenge --user-pool-id "$AWS_USER_POOL_ID" --client-id "$AWS_CLIENT_ID"   --challenge-name SOFTWARE_TOKEN_MFA --session "$SESSION"   --challenge-responses "USERNAME=$AWS_USER_EMAIL,SOFTWARE_TOKEN_MFA_CODE=$(totp "$SECRET")"   --query AuthenticationResult.TokenType --output text

aws cognito-idp admin-set-user-mfa-preference --user-pool-id "$AWS_USER_POOL_ID" --username "$AWS_USER_EMAIL"   --software-token-mfa-settings Enabled=false
aws cognito-idp admin-reset-user-password --user-pool-id "$AWS_USER_POOL_ID" --username "$AWS_USER_EMAIL"
aws cognito-idp admin-get-user --user-pool-id "$AWS_USER_POOL_ID" --username "$AWS_USER_EMAIL"   --query UserStatus --output text
`

// The README's passwordless commands: the pool's first factors and relying party, a sign-up
// without a password signed in by ConfirmSignUp's Session, then an e-mailed sign-in code.
const PASSWORDLESS_WALKTHROUGH = String.raw`
set -euo pipefail
aws() { command aws --endpoint-url "$ENDPOINT" "$@"; }
code() { curl -sf "$INBOX?to=$AWS_USER_EMAIL" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).at(-1).code))'; }

aws cognito-idp update-user-pool --user-pool-id "$AWS_USER_POOL_ID" --policies 'SignInPolicy={AllowedFirstAuthFactors=[PASSWORD,EMAIL_OTP,WEB_AUTHN]}'
aws cognito-idp set-user-pool-mfa-config --user-pool-id "$AWS_USER_POOL_ID" --mfa-configuration OFF   --web-authn-configuration RelyingPartyId=localhost,UserVerification=preferred > /dev/null
aws cognito-idp describe-user-pool --user-pool-id "$AWS_USER_POOL_ID"   --query UserPool.Policies.SignInPolicy.AllowedFirstAuthFactors --output text

aws cognito-idp sign-up --client-id "$AWS_CLIENT_ID" --username "$AWS_USER_EMAIL"   --user-attributes "Name=email,Value=$AWS_USER_EMAIL" > /dev/null
SESSION=$(aws cognito-idp confirm-sign-up --client-id "$AWS_CLIENT_ID" --username "$AWS_USER_EMAIL"   --confirmation-code "$(code)" --query Session --output text)
aws cognito-idp initiate-auth --client-id "$AWS_CLIENT_ID" --auth-flow USER_AUTH   --auth-parameters "USERNAME=$AWS_USER_EMAIL" --session "$SESSION"   --query AuthenticationResult.TokenType --output text

SESSION=$(aws cognito-idp initiate-auth --client-id "$AWS_CLIENT_ID" --auth-flow USER_AUTH   --auth-parameters "USERNAME=$AWS_USER_EMAIL,PREFERRED_CHALLENGE=EMAIL_OTP" --query Session --output text)
ACCESS=$(aws cognito-idp respond-to-auth-challenge --client-id "$AWS_CLIENT_ID" --challenge-name EMAIL_OTP   --session "$SESSION" --challenge-responses "USERNAME=$AWS_USER_EMAIL,EMAIL_OTP_CODE=$(code)"   --query AuthenticationResult.AccessToken --output text)
aws cognito-idp start-web-authn-registration --access-token "$ACCESS"   --query CredentialCreationOptions.rp.id --output text
aws cognito-idp list-web-authn-credentials --access-token "$ACCESS" --query 'length(Credentials)'
`

// The default reporter only counts skipped tests: say which proof didn't run, and why.
if (missing) {
  process.stderr.write(
    `\n[local-aws] terminal walkthrough NOT RUN: ${missing} not installed (see local-aws/README.md)\n`,
  )
}

const withNumericId = (item: Record<string, unknown>) => ({
  ...item,
  'project-id': Number(item['project-id']),
})

describe('the terminal walkthrough of api-contract.md', () => {
  let standalone: Standalone | undefined
  beforeAll(async () => {
    if (missing) return
    server.close() // the CLI and curl reach a real server; so does this file's fetch
    standalone = await startStandalone(['--port', '0', '--in-memory'])
  })
  afterAll(() => standalone?.stop('SIGKILL'))

  /** Runs a bash script with the CLI pointed at the standalone server, as the README says. */
  function runScript(script: string, email: string) {
    const config = standalone!.config // set in beforeAll whenever a test runs
    return promisify(execFile)('bash', ['-c', script], {
      // otpauth, for the authenticator app's codes, resolves from the project's node_modules.
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        // Dummy credentials: the emulator accepts any, the CLI insists on some.
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_DEFAULT_REGION: 'local-1',
        // Keep a developer's own AWS profile out of it.
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        ENDPOINT: config.cognitoEndpoint,
        INBOX: config.inboxUrl,
        API: config.apiUrl,
        AWS_USER_POOL_ID: config.userPoolId,
        AWS_CLIENT_ID: config.clientId,
        AWS_USER_EMAIL: email,
        AWS_PASSWORD: 'Policy-conforming-1',
      },
    })
  }

  it.skipIf(Boolean(missing))(
    `runs with the AWS CLI and curl against npm run local-aws${missing ? ` (skipped: ${missing} not installed)` : ''}`,
    async () => {
      const { stdout } = await runScript(WALKTHROUGH, 'someone@example.com')
      // One line per curl: GET, POST, PUT, DELETE. Ids may come back in any decimal notation.
      const answers = stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as Record<string, unknown>[]).map(withNumericId))
      expect(answers).toEqual([
        [],
        [{ 'project-id': 200, name: 'Typing', 'is-default': false }],
        [{ 'project-id': 200, name: 'Yoga', 'is-default': false }],
        [],
      ])
    },
  )

  it.skipIf(Boolean(missing))(
    `runs the README's MFA commands with the AWS CLI${missing ? ` (skipped: ${missing} not installed)` : ''}`,
    async () => {
      const { stdout } = await runScript(MFA_WALKTHROUGH, 'invited@example.com')
      // get-user-pool-mfa-config, verify-software-token, the TOTP sign-in, admin-get-user.
      expect(stdout.trim().split('\n')).toEqual(['OPTIONAL', 'SUCCESS', 'Bearer', 'RESET_REQUIRED'])
    },
    // Eleven CLI calls of about a second each (the CLI's own start-up).
    60_000,
  )

  it.skipIf(Boolean(missing))(
    `runs the README's passwordless commands with the AWS CLI${missing ? ` (skipped: ${missing} not installed)` : ''}`,
    async () => {
      const { stdout } = await runScript(PASSWORDLESS_WALKTHROUGH, 'passwordless@example.com')
      // describe-user-pool, the sign-up's sign-in, the passkey options' relying party, the list.
      expect(stdout.trim().split('\n')).toEqual([
        'PASSWORD\tEMAIL_OTP\tWEB_AUTHN',
        'Bearer',
        'localhost',
        '0',
      ])
    },
    60_000,
  )
})
