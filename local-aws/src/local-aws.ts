/**
 * The local AWS: one Request → Response implementation of the Cognito user
 * pool and the /projects API, shared by every adapter (msw in tests, the Vite
 * dev and preview servers, the standalone server). Web standards only.
 */
import {
  handleCognito,
  handleWellKnown,
  type CognitoContext,
  type DeliveredCode,
} from './cognito/service.ts'
import { addManagedLoginDefaults } from './cognito/data.ts'
import { handleOAuth } from './cognito/oauth-routes.ts'
import { checkedSchema, type PoolSchema } from './cognito/schema.ts'
import { API_STAGE, DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from './defaults.ts'
import { handleProjects } from './projects-api.ts'
import {
  freshState,
  memoryStore,
  type InboxEntry,
  type LocalAwsState,
  type Store,
} from './state.ts'

export type { PoolSchema } from './cognito/schema.ts'
export { memoryStore, type LocalAwsState, type ProjectItem, type Store } from './state.ts'
/** The table as POST writes it and as GET lists it (50 items, in hash order), for tests that seed it. */
export { putItem, scanToWire } from './projects-table.ts'

export interface LocalAwsOptions {
  store?: Store
  /** Path the emulator is mounted at on its origin, e.g. '/local-aws'; '' for a whole server. */
  basePath?: string
  /** Epoch ms; tests inject a clock to expire codes and tokens. */
  now?: () => number
  /** Receives codes and errors, never passwords or tokens. */
  log?: (line: string) => void
  /**
   * Browser tests only: `POST /clock {"advanceMs": n}` moves the emulator's
   * clock forward, so a test can let a sign-in challenge expire without waiting.
   */
  clockControl?: boolean
  /**
   * The default pool's attribute schema: required standard attributes and
   * custom ones. Cognito fixes it when a pool is made, so it is a start-up
   * setting: the one given applies from then on (none: e-mail only required).
   */
  schema?: Partial<PoolSchema>
}

export interface LocalAwsConfig {
  cognitoEndpoint: string
  userPoolId: string
  clientId: string
  apiUrl: string
  inboxUrl: string
}

export interface LocalAws {
  readonly basePath: string
  /** The emulator's answer, or null when the request is not for it (the adapter passes it on). */
  handle(request: Request): Promise<Response | null>
  /** Delivered codes, oldest first. */
  inbox(): InboxEntry[]
  /** What a client needs to talk to this emulator when it is reached at `origin`. */
  config(origin: string): LocalAwsConfig
  /** A copy of the whole state, for tests to read. */
  snapshot(): LocalAwsState
  /**
   * Changes the state in turn with requests, then persists it. For test
   * helpers seeding data: no HTTP request can reach this.
   */
  update(change: (state: LocalAwsState) => void): Promise<void>
  /** Waits for the requests in flight; later calls to handle() are refused. */
  close(): Promise<void>
}

const COGNITO_TARGET = 'AWSCognitoIdentityProviderService.'
const WELL_KNOWN = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/
/** Kept small: the inbox is for reading the latest codes, not an archive. */
const INBOX_LIMIT = 200

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

/** Cognito answers browsers on any origin, as the real endpoint does. */
function withCognitoCors(response: Response): Response {
  const headers = new Headers(response.headers)
  headers.set('access-control-allow-origin', '*')
  headers.set(
    'access-control-expose-headers',
    'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
  )
  return new Response(response.body, { status: response.status, headers })
}

function cognitoPreflight(): Response {
  return new Response(null, {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers':
        'content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request,cache-control,authorization,x-amz-date,x-amz-security-token',
      'access-control-max-age': '86400',
    },
  })
}

/** What the log says was sent; a temporary password is a password, so only the inbox has it. */
function deliveryLine(code: DeliveredCode): string {
  if (code.kind === 'temporary-password') {
    return `temporary password for ${code.to}: sent to the inbox (not logged)`
  }
  if (code.kind === 'sms-mfa') return `sign-in code (SMS) for ${code.to}: ${code.code}`
  if (code.kind === 'email-mfa') return `sign-in code (e-mail) for ${code.to}: ${code.code}`
  if (code.kind === 'sign-in') return `sign-in code for ${code.to}: ${code.code}` // USER_AUTH
  return `confirmation code for ${code.to}: ${code.code}`
}

export function createLocalAws(options: LocalAwsOptions = {}): LocalAws {
  const store = options.store ?? memoryStore()
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const baseNow = options.now ?? (() => Date.now())
  let clockOffset = 0
  const now = () => baseNow() + clockOffset
  const log = options.log ?? ((line: string) => console.log(line))
  // Throws here, at start-up, on a corrupt state file: never silently replaced.
  const state = store.load() ?? freshState()
  const defaultPool = state.cognito.pools[DEFAULT_USER_POOL_ID]
  if (defaultPool) {
    addManagedLoginDefaults(defaultPool)
    if (options.schema) defaultPool.schema = checkedSchema(options.schema)
    else delete defaultPool.schema
  }

  let tail: Promise<unknown> = Promise.resolve()
  let closed = false
  /** One request at a time: each operation reads, changes and saves the state undisturbed. */
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task)
    tail = run.catch(() => undefined)
    return run
  }

  function cognitoContext(request: Request): CognitoContext {
    return {
      data: state.cognito,
      now,
      issuerBase: new URL(request.url).origin + basePath,
      deliver(code: DeliveredCode) {
        state.inbox.push({ ...code, sentAt: now() })
        state.inbox.splice(0, Math.max(0, state.inbox.length - INBOX_LIMIT))
        log(`[local-aws] ${deliveryLine(code)}`)
      },
      log: (line) => log(`[local-aws] ${line}`),
    }
  }

  function readInbox(url: URL): Response {
    const to = url.searchParams.get('to')?.toLowerCase()
    const entries = to ? state.inbox.filter((entry) => entry.to.toLowerCase() === to) : state.inbox
    return json(entries, 200, { 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
  }

  /** The answer, and whether the state may have changed. Null: not ours. */
  async function route(request: Request): Promise<{ response: Response; changed: boolean } | null> {
    const url = new URL(request.url)
    const path = url.pathname
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return null
    const rest = path.slice(basePath.length) || '/'
    const method = request.method.toUpperCase()

    if (rest === '/') {
      if (method === 'POST' && request.headers.get('x-amz-target')?.startsWith(COGNITO_TARGET)) {
        const response = await handleCognito(request, cognitoContext(request))
        return { response: withCognitoCors(response), changed: true }
      }
      if (method === 'OPTIONS' && request.headers.get('access-control-request-method')) {
        return { response: cognitoPreflight(), changed: false }
      }
      return null
    }
    const wellKnown = WELL_KNOWN.exec(rest)
    if (wellKnown && method === 'GET') {
      const [, poolId = '', file] = wellKnown
      const ctx = cognitoContext(request)
      const response = await handleWellKnown(
        poolId,
        file as 'jwks.json' | 'openid-configuration',
        ctx,
      )
      return { response, changed: true } // the pool's key pair may just have been made
    }
    if (rest === `/${API_STAGE}/projects`) {
      return handleProjects(request, state, cognitoContext(request))
    }
    if (rest === `/${API_STAGE}` || rest.startsWith(`/${API_STAGE}/`)) {
      // API Gateway's answer for a resource or method that doesn't exist.
      const response = json({ message: 'Missing Authentication Token' }, 403)
      return { response, changed: false }
    }
    if (rest === '/inbox' && method === 'GET') return { response: readInbox(url), changed: false }
    if (rest === '/clock' && method === 'POST' && options.clockControl) {
      const { advanceMs } = (await request.json().catch(() => ({}))) as { advanceMs?: unknown }
      if (typeof advanceMs !== 'number' || !(advanceMs >= 0)) {
        return {
          response: json({ message: 'advanceMs must be a number ≥ 0' }, 400),
          changed: false,
        }
      }
      clockOffset += advanceMs
      log(`[local-aws] clock moved forward ${advanceMs} ms`)
      return { response: json({ now: now() }), changed: false }
    }
    const oauth = await handleOAuth(request, rest, cognitoContext(request))
    return oauth && { response: oauth, changed: true }
  }

  async function persist(): Promise<Response | null> {
    try {
      await store.save(state)
      return null
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      log(`[local-aws] could not save the state (${store.description}): ${reason}`)
      return json({ message: `The local AWS emulator could not save its state: ${reason}` }, 500)
    }
  }

  return {
    basePath,
    handle(request) {
      if (closed) return Promise.reject(new Error('The local AWS emulator is closed'))
      return enqueue(async () => {
        const result = await route(request)
        if (!result) return null
        return (result.changed && (await persist())) || result.response
      })
    },
    inbox: () => structuredClone(state.inbox),
    config(origin) {
      const base = origin.replace(/\/+$/, '') + basePath
      return {
        cognitoEndpoint: base,
        userPoolId: DEFAULT_USER_POOL_ID,
        clientId: DEFAULT_CLIENT_ID,
        apiUrl: `${base}/${API_STAGE}`,
        inboxUrl: `${base}/inbox`,
      }
    },
    snapshot: () => structuredClone(state),
    update(change) {
      return enqueue(async () => {
        change(state)
        const failure = await persist()
        if (failure) throw new Error(await failure.text())
      })
    },
    async close() {
      closed = true
      await tail
    },
  }
}
