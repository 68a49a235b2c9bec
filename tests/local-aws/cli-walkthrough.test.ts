// @vitest-environment node
/**
 * The terminal walkthrough of api-contract.md, with the real AWS CLI and curl,
 * against the standalone server. The CLI is a dev tool most machines lack:
 * then this test is reported as skipped, with the reason in its name.
 */
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { server } from '../setup/local-aws.ts'
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
  --username "$AWS_USER_EMAIL" --confirmation-code "$CODE"

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

// The default reporter only counts skipped tests: say which proof didn't run, and why.
if (missing) {
  process.stderr.write(
    `\n[local-aws] terminal walkthrough NOT RUN: ${missing} not installed (see tests/mocks/local-aws/README.md)\n`,
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

  it.skipIf(Boolean(missing))(
    `runs with the AWS CLI and curl against npm run local-aws${missing ? ` (skipped: ${missing} not installed)` : ''}`,
    async () => {
      const config = standalone!.config // set in beforeAll whenever this test runs
      const { stdout } = await promisify(execFile)('bash', ['-c', WALKTHROUGH], {
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
          AWS_USER_EMAIL: 'someone@example.com',
          AWS_PASSWORD: 'Policy-conforming-1',
        },
      })
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
})
