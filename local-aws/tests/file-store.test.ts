// @vitest-environment node
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { fileStore, StateFileError } from '../src/file-store.ts'
import { createLocalAws, type LocalAws } from '../src/local-aws.ts'
import { server } from './emulator.ts'
import { cognitoCall, startStandalone, type Standalone } from './standalone-process.ts'

const ORIGIN = 'http://127.0.0.1:4566'
const PASSWORD = 'Correct-horse-1'
let dir: string
let stateFile: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-aws-state-'))
  stateFile = join(dir, 'state.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const start = () => createLocalAws({ store: fileStore(dir), log: () => {} })

async function call(localAws: LocalAws, operation: string, body: object) {
  const response = await localAws.handle(
    new Request(ORIGIN, {
      method: 'POST',
      headers: { 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    }),
  )
  return (await response!.json()) as Record<string, unknown>
}

async function signUpAndSignIn(localAws: LocalAws, email: string) {
  await call(localAws, 'SignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  await call(localAws, 'AdminConfirmSignUp', { UserPoolId: DEFAULT_USER_POOL_ID, Username: email })
  return signIn(localAws, email)
}

async function signIn(localAws: LocalAws, email: string) {
  const auth = await call(localAws, 'AdminInitiateAuth', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    ClientId: DEFAULT_CLIENT_ID,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  })
  return (auth.AuthenticationResult as { IdToken: string }).IdToken
}

async function api(localAws: LocalAws, method: string, token: string, body?: object) {
  const response = await localAws.handle(
    new Request(`${ORIGIN}/dev_1/projects`, {
      method,
      headers: { authorization: token },
      body: body && JSON.stringify(body),
    }),
  )
  return { status: response!.status, body: (await response!.json()) as unknown }
}

describe('the file store', () => {
  it('starts fresh when there is no state file yet', async () => {
    const localAws = start()
    expect(localAws.snapshot().projects).toEqual({})
    expect(readdirSync(dir)).toEqual([])
  })

  it('keeps users, signing keys, projects and the inbox across a restart', async () => {
    const first = start()
    const token = await signUpAndSignIn(first, 'ada@example.com')
    await api(first, 'POST', token, { 'project-id': 1, name: 'Kept', 'is-default': true })
    await first.close()

    const second = start()
    // The token from before the restart still passes: the key pair was kept, not regenerated.
    expect(await api(second, 'GET', token)).toEqual({
      status: 200,
      body: [{ 'project-id': '1', name: 'Kept', 'is-default': true }],
    })
    expect((await api(second, 'GET', await signIn(second, 'ada@example.com'))).status).toBe(200)
    expect(second.inbox().map((entry) => entry.to)).toEqual(['ada@example.com'])
  })

  it('saves every change, even when requests arrive all at once', async () => {
    const localAws = start()
    const token = await signUpAndSignIn(localAws, 'ada@example.com')
    const ids = Array.from({ length: 20 }, (_, i) => i + 1)
    await Promise.all(
      ids.map((id) => api(localAws, 'POST', token, { 'project-id': id, name: `P${id}` })),
    )
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { projects: object }
    expect(
      Object.keys(saved.projects)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(ids)
    expect(readdirSync(dir)).toEqual(['state.json']) // no temp files left behind
  })

  it('ignores a temp file a crash left half-written', async () => {
    const first = start()
    const token = await signUpAndSignIn(first, 'ada@example.com')
    await api(first, 'POST', token, { 'project-id': 1, name: 'Before the crash' })
    await first.close()
    writeFileSync(join(dir, 'state.json.4242.0000.tmp'), '{"version":1,"cognito":{"po')

    const second = start()
    expect((await api(second, 'GET', token)).body).toEqual([
      { 'project-id': '1', name: 'Before the crash' },
    ])
  })

  it.each([
    ['half a JSON document', '{"version":1,"cognito":{"po', /is corrupt: not valid JSON/],
    ['JSON that is not a state', '{"users": []}', /is not usable: it has no "version": 1/],
    ['a newer version', '{"version": 2}', /written by a newer emulator/],
  ])('refuses %s with a clear error and leaves it untouched', (_, content, reason) => {
    writeFileSync(stateFile, content)
    let error: unknown
    try {
      start()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(StateFileError)
    const message = (error as Error).message
    expect(message).toContain(stateFile)
    expect(message).toMatch(reason)
    expect(message).toMatch(/left untouched.*move it away or delete the folder/)
    expect(readFileSync(stateFile, 'utf8')).toBe(content)
  })

  it('reports a state file it cannot read', () => {
    mkdirSync(stateFile) // a folder where the file should be: EISDIR
    expect(start).toThrow(`The local AWS state file ${stateFile} can't be read (EISDIR)`)
  })
})

describe('a crash while writing', () => {
  let standalone: Standalone | undefined
  beforeAll(() => server.close()) // this part talks to a real server over the network
  afterAll(() => standalone?.stop('SIGKILL'))

  it('leaves a state the next start loads', async () => {
    standalone = await startStandalone(['--port', '0', '--state', dir])
    const { cognitoEndpoint, clientId } = standalone.config
    // Sign-ups write the state; kill the server while a burst of them is in flight.
    const burst = Array.from({ length: 30 }, (_, i) =>
      cognitoCall(cognitoEndpoint, 'SignUp', {
        ClientId: clientId,
        Username: `user${i}@example.com`,
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: `user${i}@example.com` }],
      }).catch(() => null),
    )
    // An answer means its change was saved; kill the server as soon as one is in.
    await Promise.any(burst.map((call) => call.then((answer) => answer ?? Promise.reject())))
    await standalone.stop('SIGKILL')
    await Promise.all(burst)

    const restarted = start()
    const users = Object.values(
      restarted.snapshot().cognito.pools[DEFAULT_USER_POOL_ID]?.users ?? {},
    )
    // start() didn't throw: state.json is whole. And it holds what was saved before the kill.
    expect(users.length).toBeGreaterThan(0)
  })
})
