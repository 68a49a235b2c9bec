// @vitest-environment node
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { localAwsPlugin } from '../src/adapters/vite-plugin.ts'
import { server as msw } from './emulator.ts'
import { claimsOf } from './oauth-helpers.ts'
import { overTls, refreshOverHttp, signInOverTls } from './oauth-over-tls.ts'

const stateDir = mkdtempSync(join(tmpdir(), 'local-aws-vite-'))
const servers: (ViteDevServer | PreviewServer)[] = []
const previousStateDir = process.env.LOCAL_AWS_STATE_DIR

beforeAll(() => {
  msw.close() // this file talks to real servers over the network
  process.env.LOCAL_AWS_STATE_DIR = stateDir
})
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  if (previousStateDir === undefined) delete process.env.LOCAL_AWS_STATE_DIR
  else process.env.LOCAL_AWS_STATE_DIR = previousStateDir
  rmSync(stateDir, { recursive: true, force: true })
})

const inline = {
  configFile: false as const,
  logLevel: 'silent' as const,
  plugins: [localAwsPlugin()],
}

async function devServer() {
  const dev = await createServer({ ...inline, server: { host: '127.0.0.1', port: 0 } })
  servers.push(dev)
  await dev.listen()
  return dev.resolvedUrls!.local[0]!.replace(/\/$/, '')
}

async function previewServer() {
  const server = await preview({ ...inline, preview: { host: '127.0.0.1', port: 0 } })
  servers.push(server)
  return server.resolvedUrls!.local[0]!.replace(/\/$/, '')
}

describe.each([
  ['npm run dev', devServer],
  ['vite preview', previewServer],
])('the emulator inside %s', (_, start) => {
  it('serves the API and the inbox at /local-aws on the app’s origin, with state in LOCAL_AWS_STATE_DIR', async () => {
    const origin = await start()
    // An Origin header makes Vite's own CORS middleware act: the 401 must still carry none.
    const refused = await fetch(`${origin}/local-aws/dev_1/projects`, { headers: { origin } })
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ message: 'Unauthorized' })
    expect(
      [...refused.headers.keys()].filter((name) => name.startsWith('access-control-')),
    ).toEqual([])

    const signUp = await fetch(`${origin}/local-aws`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' },
      body: JSON.stringify({
        ClientId: 'l0ca1app5pac1ient000000000',
        Username: `${start.name}@example.com`,
        Password: 'Correct-horse-1',
        UserAttributes: [{ Name: 'email', Value: `${start.name}@example.com` }],
      }),
    })
    expect(signUp.status).toBe(200)
    const inbox = (await (
      await fetch(`${origin}/local-aws/inbox?to=${start.name}@example.com`)
    ).json()) as unknown[]
    expect(inbox).toHaveLength(1)
    expect(existsSync(join(stateDir, 'state.json'))).toBe(true)
  })

  it('answers Amplify’s https calls to the OAuth domain on the same port, issuing as the http side does', async () => {
    const origin = await start()
    const base = `${origin}/local-aws`
    const { tokens, allowedOrigin, pageOrigin } = await signInOverTls(
      base,
      `tls-${start.name}@example.com`,
    )
    // The page on http:// fetching the https:// token endpoint is a cross-origin call.
    expect(allowedOrigin).toBe(pageOrigin)
    const issuer = `${base}/local-1_L0calP00l`
    expect(claimsOf(tokens.id_token)).toMatchObject({
      iss: issuer,
      'cognito:username': expect.stringMatching(/^Google_/),
    })
    // Amplify refreshes over http, and the authorizer takes either token.
    const refreshed = await refreshOverHttp(base, tokens.refresh_token)
    expect(claimsOf(refreshed).iss).toBe(issuer)
    for (const token of [tokens.id_token, refreshed]) {
      const listed = await fetch(`${base}/dev_1/projects`, { headers: { Authorization: token } })
      expect(listed.status).toBe(200)
    }
  })

  it('serves nothing but the emulator over https, saying where the app is', async () => {
    const origin = await start()
    const page = await overTls(`${origin.replace('http:', 'https:')}/sign-in`)
    expect(page.status).toBe(404)
    expect(page.body).toContain(`${origin}/`)
  })
})

it('keeps Vite’s HMR websocket working on the port that also answers TLS', async () => {
  const origin = await devServer()
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const upgrade = request(origin, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': Buffer.from('sixteen byte key').toString('base64'),
        'sec-websocket-version': '13',
        'sec-websocket-protocol': 'vite-hmr',
      },
    })
    upgrade.on('upgrade', (res, socket) => {
      socket.destroy()
      resolve(res.statusCode)
    })
    upgrade.on('response', (res) => resolve(res.statusCode))
    upgrade.on('error', reject)
    upgrade.end()
  })
  expect(status).toBe(101)
})
