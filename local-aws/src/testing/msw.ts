/**
 * The emulator for Vitest (or any Node test runner): a fresh in-memory
 * emulator per test, reached through msw at an origin of the test's choosing,
 * plus the few calls a test needs to set the scene (users, tokens, codes,
 * projects) without going through a UI.
 *
 *   const emulator = createTestEmulator({ origin: 'http://localhost:3000' })
 *   beforeAll(() => emulator.server.listen({ onUnhandledRequest: 'error' }))
 *   beforeEach(() => emulator.reset())
 *   afterAll(() => emulator.server.close())
 */
import { setupServer, type SetupServer } from 'msw/node'
import { localAwsHandlers } from '../adapters/msw.ts'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID, LOCAL_AWS_BASE_PATH } from '../defaults.ts'
import { createLocalAws, type LocalAws, type LocalAwsOptions } from '../local-aws.ts'
import { applyDeviceSetting } from '../device-setting.ts'
import { putItem, scanToWire } from '../projects-table.ts'
import type { ProjectItem } from '../state.ts'

export interface Tokens {
  IdToken: string
  AccessToken: string
  RefreshToken: string
}

export interface TestEmulator {
  /** msw's server, with the emulator's handlers; a test adds its own with `server.use(...)`. */
  readonly server: SetupServer
  /** Where Cognito is: `${origin}/local-aws`; the API is at `${cognitoEndpoint}/dev_1`. */
  readonly cognitoEndpoint: string
  /** The emulator serving the current test. */
  localAws(): LocalAws
  /**
   * Replaces the emulator with a fresh one, e.g. with an injected clock:
   * `let t = Date.now(); reset({ now: () => t })`.
   */
  reset(options?: Omit<LocalAwsOptions, 'basePath' | 'store'>): LocalAws
  /**
   * Whether the default pool remembers devices, as `--devices` says it:
   * `'prompt'`, `'always'` (either optionally `:keep-mfa`) or `'off'`.
   */
  rememberDevices(setting: string): Promise<void>
  /** Calls a Cognito operation as the AWS SDK would; throws Cognito's error. */
  cognito<T = Record<string, unknown>>(operation: string, body: object): Promise<T>
  /** A user of the default pool, signed up through Cognito's own operations (confirmed unless told otherwise). */
  createUser(user: {
    email: string
    password: string
    confirmed?: boolean
  }): Promise<{ email: string; password: string; sub: string }>
  /** Signs a confirmed user in (ADMIN_USER_PASSWORD_AUTH) and returns their tokens. */
  signIn(email: string, password: string): Promise<Tokens>
  /** The newest code delivered to `email` (sign-up, resend or password reset). */
  latestCode(email: string): string
  /** The stored projects exactly as GET /projects would answer them (ids as strings, hash order). */
  projects(): ProjectItem[]
  /**
   * Adds projects as POST /projects would write them (same id replaces), without
   * a signed-in user. Ids must be JSON numbers, as the real table requires.
   */
  seedProjects(list: ProjectItem[]): Promise<void>
}

export function createTestEmulator({ origin }: { origin: string }): TestEmulator {
  const cognitoEndpoint = `${origin.replace(/\/+$/, '')}${LOCAL_AWS_BASE_PATH}`
  let current: LocalAws | undefined

  const reset: TestEmulator['reset'] = (options = {}) => {
    // Codes and errors stay quiet in tests; read them with latestCode() or localAws().inbox().
    current = createLocalAws({ log: () => {}, ...options, basePath: LOCAL_AWS_BASE_PATH })
    return current
  }
  const localAws = () => (current ??= reset())

  const cognito: TestEmulator['cognito'] = async <T>(operation: string, body: object) => {
    const response = await localAws().handle(
      new Request(cognitoEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(body),
      }),
    )
    const answer = (await response?.json()) as Record<string, unknown> | undefined
    if (!response?.ok) throw new Error(`${operation} failed: ${answer?.__type}: ${answer?.message}`)
    return answer as T
  }

  return {
    server: setupServer(...localAwsHandlers(localAws, origin)),
    cognitoEndpoint,
    localAws,
    reset,
    cognito,
    rememberDevices: (setting) => applyDeviceSetting(localAws(), setting),
    async createUser({ email, password, confirmed = true }) {
      const { UserSub } = await cognito<{ UserSub: string }>('SignUp', {
        ClientId: DEFAULT_CLIENT_ID,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      })
      if (confirmed) {
        await cognito('AdminConfirmSignUp', { UserPoolId: DEFAULT_USER_POOL_ID, Username: email })
      }
      return { email, password, sub: UserSub }
    },
    async signIn(email, password) {
      const { AuthenticationResult } = await cognito<{ AuthenticationResult: Tokens }>(
        'AdminInitiateAuth',
        {
          UserPoolId: DEFAULT_USER_POOL_ID,
          ClientId: DEFAULT_CLIENT_ID,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        },
      )
      return AuthenticationResult
    },
    latestCode(email) {
      const entries = localAws()
        .inbox()
        .filter((entry) => entry.to.toLowerCase() === email.toLowerCase())
      const code = entries.at(-1)?.code
      if (!code) throw new Error(`No code was delivered to ${email}`)
      return code
    },
    projects: () => scanToWire(localAws().snapshot()),
    async seedProjects(list) {
      await localAws().update((state) => list.forEach((item) => putItem(state, item)))
    },
  }
}
