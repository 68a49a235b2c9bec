// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { server } from './emulator.ts'
import { claimsOf } from './oauth-helpers.ts'
import { signInOverTls } from './oauth-over-tls.ts'
import {
  cognitoCall,
  runStandaloneToExit,
  startStandalone,
  type Standalone,
} from './standalone-process.ts'

const EMAIL = 'ada@example.com'
const PASSWORD = 'Correct-horse-1'

// This file talks to real servers over the network, not to msw.
beforeAll(() => server.close())

async function signUpAndSignIn({ config }: Standalone) {
  const { cognitoEndpoint: endpoint, clientId } = config
  await cognitoCall(endpoint, 'SignUp', {
    ClientId: clientId,
    Username: EMAIL,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: EMAIL }],
  })
  const inbox = (await (await fetch(`${config.inboxUrl}?to=${EMAIL}`)).json()) as { code: string }[]
  const code = inbox.at(-1)?.code
  const confirmed = await cognitoCall(endpoint, 'ConfirmSignUp', {
    ClientId: clientId,
    Username: EMAIL,
    ConfirmationCode: code,
  })
  expect(confirmed.status).toBe(200)
  return signIn(config)
}

async function signIn({ cognitoEndpoint, clientId, userPoolId }: Standalone['config']) {
  const auth = await cognitoCall(cognitoEndpoint, 'AdminInitiateAuth', {
    UserPoolId: userPoolId,
    ClientId: clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: EMAIL, PASSWORD: PASSWORD },
  })
  return (auth.body.AuthenticationResult as { IdToken: string }).IdToken
}

describe('npm run local-aws -- --port 0 --in-memory', () => {
  let standalone: Standalone
  beforeAll(async () => {
    standalone = await startStandalone(['--port', '0', '--in-memory'])
  })
  afterAll(() => standalone?.stop('SIGKILL'))

  it('prints one JSON line with the endpoints, on 127.0.0.1 and a free port', () => {
    const { config, stdoutLines } = standalone
    expect(stdoutLines).toHaveLength(1)
    const origin = new URL(config.cognitoEndpoint).origin
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(config).toEqual({
      cognitoEndpoint: origin,
      userPoolId: 'local-1_L0calP00l',
      clientId: 'l0ca1app5pac1ient000000000',
      apiUrl: `${origin}/dev_1`,
      inboxUrl: `${origin}/inbox`,
    })
  })

  it('signs a user up with the e-mailed code and serves their projects', async () => {
    const token = await signUpAndSignIn(standalone)
    const posted = await fetch(`${standalone.config.apiUrl}/projects`, {
      method: 'POST',
      headers: { Authorization: token },
      body: JSON.stringify({ 'project-id': 1, name: 'Typing', 'is-default': false }),
    })
    expect(posted.status).toBe(200)
    expect(await posted.json()).toEqual([
      { 'project-id': '1', name: 'Typing', 'is-default': false },
    ])
    const listed = await fetch(`${standalone.config.apiUrl}/projects`, {
      headers: { Authorization: token },
    })
    expect(await listed.json()).toEqual([
      { 'project-id': '1', name: 'Typing', 'is-default': false },
    ])
    expect((await fetch(`${standalone.config.apiUrl}/projects`)).status).toBe(401)
  })

  it('logs the code on stderr, and neither the password nor a token', async () => {
    const [entry] = (await (await fetch(standalone.config.inboxUrl)).json()) as { code: string }[]
    expect(standalone.stderr()).toContain(
      `[local-aws] confirmation code for ${EMAIL}: ${entry?.code}`,
    )
    expect(standalone.stderr()).not.toContain(PASSWORD)
    expect(standalone.stderr()).not.toMatch(/eyJ[\w-]+\./)
    expect(standalone.stdoutLines).toHaveLength(1)
  })

  it('answers 404 for a path it does not serve', async () => {
    expect((await fetch(`${new URL(standalone.config.apiUrl).origin}/nope`)).status).toBe(404)
  })

  it('answers https on the same port, so host:port can be an app’s OAuth domain', async () => {
    const { cognitoEndpoint: base, userPoolId, apiUrl } = standalone.config
    const { tokens } = await signInOverTls(base, 'tls@example.com')
    // The issuer of the http side, which the /projects authorizer checks.
    expect(claimsOf(tokens.id_token).iss).toBe(`${base}/${userPoolId}`)
    const listed = await fetch(`${apiUrl}/projects`, {
      headers: { Authorization: tokens.id_token },
    })
    expect(listed.status).toBe(200)
  })

  it('stops cleanly on SIGTERM', async () => {
    expect(await standalone.stop('SIGTERM')).toBe(0)
  })
})

describe('npm run -s local-aws, exactly as the README says', () => {
  it('prints nothing on stdout but the one JSON line', async () => {
    const standalone = await startStandalone(['--port', '0', '--in-memory'], { viaNpm: true })
    try {
      const inbox = await fetch(standalone.config.inboxUrl)
      expect(await inbox.json()).toEqual([])
      expect(standalone.stdoutLines).toEqual([JSON.stringify(standalone.config)])
    } finally {
      await standalone.stop('SIGKILL')
    }
  })
})

describe('npm run local-aws -- --state DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-aws-standalone-'))
  const running: Standalone[] = []
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')))
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps accounts and projects across a restart', async () => {
    const first = await startStandalone(['--port', '0', '--state', dir])
    running.push(first)
    const token = await signUpAndSignIn(first)
    await fetch(`${first.config.apiUrl}/projects`, {
      method: 'POST',
      headers: { Authorization: token },
      body: JSON.stringify({ 'project-id': 1, name: 'Survives', 'is-default': true }),
    })
    expect(await first.stop('SIGINT')).toBe(0)

    const second = await startStandalone(['--port', '0', '--state', dir])
    running.push(second)
    const again = await signIn(second.config)
    const listed = await fetch(`${second.config.apiUrl}/projects`, {
      headers: { Authorization: again },
    })
    expect(await listed.json()).toEqual([
      { 'project-id': '1', name: 'Survives', 'is-default': true },
    ])
  })
})

describe('npm run local-aws -- --mfa MODE:FACTORS', () => {
  it('starts with the default pool doing MFA as the flag says', async () => {
    const standalone = await startStandalone([
      '--port',
      '0',
      '--in-memory',
      '--mfa',
      'on:totp,email',
    ])
    try {
      const { body } = await cognitoCall(
        standalone.config.cognitoEndpoint,
        'GetUserPoolMfaConfig',
        {
          UserPoolId: standalone.config.userPoolId,
        },
      )
      expect(body).toMatchObject({
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        EmailMfaConfiguration: { Subject: 'Sign-in code' },
      })
      expect(body.SmsMfaConfiguration).toBeUndefined()
    } finally {
      await standalone.stop('SIGKILL')
    }
  })

  it('refuses a setting it does not understand, saying what it expects', async () => {
    await expect(
      startStandalone(['--port', '0', '--in-memory', '--mfa', 'sometimes']),
    ).rejects.toThrow(/MFA setting "sometimes" is not off, optional\[:factors\] or on\[:factors\]/)
  })
})

describe('npm run local-aws -- --devices SETTING', () => {
  it('starts with the default pool remembering devices as the flag says', async () => {
    const standalone = await startStandalone(['--port', '0', '--in-memory', '--devices', 'prompt'])
    try {
      const { body } = await cognitoCall(standalone.config.cognitoEndpoint, 'DescribeUserPool', {
        UserPoolId: standalone.config.userPoolId,
      })
      expect(body.UserPool).toMatchObject({
        DeviceConfiguration: {
          ChallengeRequiredOnNewDevice: true,
          DeviceOnlyRememberedOnUserPrompt: true,
        },
      })
    } finally {
      await standalone.stop('SIGKILL')
    }
  })

  it('refuses a setting it does not understand, saying what it expects', async () => {
    await expect(
      startStandalone(['--port', '0', '--in-memory', '--devices', 'sometimes']),
    ).rejects.toThrow(/Device setting "sometimes" is not off, always or prompt/)
  })
})

describe('npm run local-aws -- --required-attributes LIST --custom-attributes LIST', () => {
  it('starts with the default pool requiring those attributes at sign-up', async () => {
    const standalone = await startStandalone([
      '--port',
      '0',
      '--in-memory',
      '--required-attributes',
      'name,phone_number',
      '--custom-attributes',
      'team',
    ])
    try {
      const { body } = await cognitoCall(standalone.config.cognitoEndpoint, 'SignUp', {
        ClientId: standalone.config.clientId,
        Username: 'ada@example.com',
        Password: 'Corr3ct-Horse!',
        UserAttributes: [{ Name: 'custom:team', Value: 'Analytical' }],
      })
      expect(body).toEqual({
        __type: 'InvalidParameterException',
        message:
          'Attributes did not conform to the schema: name: The attribute is required\nphone_number: The attribute is required\n',
      })
    } finally {
      await standalone.stop('SIGKILL')
    }
  })

  it('refuses a custom attribute made required, as Cognito does', async () => {
    await expect(
      startStandalone(['--port', '0', '--in-memory', '--required-attributes', 'custom:team']),
    ).rejects.toThrow(/custom:team can't be required/)
  })
})

describe('npx local-aws --help', () => {
  it('lists its options and exits 0 at once, without starting a server', async () => {
    const { code, stdout, stderr } = await runStandaloneToExit(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: local-aws \[options\]/)
    const listed = [...new Set(stdout.match(/--[a-z][a-z-]*/g))].sort()
    expect(listed).toEqual([
      '--custom-attributes',
      '--devices',
      '--help',
      '--host',
      '--in-memory',
      '--mfa',
      '--port',
      '--required-attributes',
      '--state',
    ])
    expect(stdout).toContain('LOCAL_AWS_STATE_DIR')
    expect(stderr).toBe('') // no "listening on …" line: it never started
  })

  it('answers -h the same way', async () => {
    const long = await runStandaloneToExit(['--help'])
    expect(await runStandaloneToExit(['-h'])).toEqual(long)
  })

  it('refuses an unknown option with exit code 1, pointing at --help', async () => {
    const { code, stdout, stderr } = await runStandaloneToExit(['--prot', '4566'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain("Unknown option '--prot'")
    expect(stderr).toContain('local-aws --help lists its options')
  })
})
