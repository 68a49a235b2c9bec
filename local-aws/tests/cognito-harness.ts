/**
 * Mounts the Cognito emulator with msw at an absolute URL, with a fresh
 * state, inbox, log and clock for every test.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import {
  createCognitoData,
  handleCognito,
  handleWellKnown,
  type CognitoContext,
  type CognitoData,
  type DeliveredCode,
} from '../src/cognito/service.ts'
import { LOCAL_REGION } from '../src/defaults.ts'

export const BASE_URL = 'http://cognito.test/local-aws'
const WELL_KNOWN = /^\/local-aws\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/

export interface Emulator {
  data: CognitoData
  inbox: DeliveredCode[]
  logs: string[]
  clock: number
  ctx: CognitoContext
  advance(ms: number): void
  /** The last code e-mailed to this address. */
  lastCode(to: string): string
}

export function setupCognitoEmulator(): Emulator {
  const emulator: Emulator = {
    data: createCognitoData(),
    inbox: [],
    logs: [],
    clock: Date.now(),
    ctx: {
      get data() {
        return emulator.data
      },
      now: () => emulator.clock,
      issuerBase: BASE_URL,
      deliver: (code) => emulator.inbox.push(code),
      log: (line) => emulator.logs.push(line),
    },
    advance(ms) {
      emulator.clock += ms
    },
    lastCode(to) {
      const found = emulator.inbox.filter((c) => c.to === to).at(-1)
      if (!found) throw new Error(`no code was sent to ${to}`)
      return found.code
    },
  }

  const server = setupServer(
    http.all(/^http:\/\/cognito\.test\/local-aws(\/.*)?$/, async ({ request }) => {
      const match = WELL_KNOWN.exec(new URL(request.url).pathname)
      if (match?.[1] && (match[2] === 'jwks.json' || match[2] === 'openid-configuration')) {
        return handleWellKnown(match[1], match[2], emulator.ctx)
      }
      const response = await handleCognito(request, emulator.ctx)
      // Adapters persist the state as JSON between requests: prove it survives that.
      emulator.data = JSON.parse(JSON.stringify(emulator.data)) as CognitoData
      return response
    }),
  )

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    emulator.data = createCognitoData()
    emulator.inbox = []
    emulator.logs = []
    emulator.clock = Date.now()
  })
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return emulator
}

let counter = 0
/** A fresh address per call, so tests never collide. */
export function uniqueEmail(prefix = 'someone') {
  counter += 1
  return `${prefix}.${counter}.${Date.now()}@example.com`
}

export const PASSWORD = 'Corr3ct-Horse!'

/** A raw JSON-protocol call, as any Cognito client would send it. */
export async function callCognito(operation: string, body: object) {
  const response = await fetch(BASE_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, unknown>
  return {
    status: response.status,
    errorType: response.headers.get('x-amzn-errortype'),
    body: json,
  }
}

/** The AWS SDK's Cognito client, pointed at the emulator, failing at once instead of retrying. */
export function sdkClient() {
  return new CognitoIdentityProviderClient({
    endpoint: BASE_URL,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
}
