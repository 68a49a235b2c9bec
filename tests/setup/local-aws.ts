/**
 * The local AWS for unit and component tests: a fresh in-memory emulator per
 * test, reached through msw at the origin jsdom gives the app.
 */
import { setupServer } from 'msw/node'
import { localAwsHandlers } from '../mocks/local-aws/adapters/msw.ts'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_USER_POOL_ID,
  LOCAL_AWS_BASE_PATH,
} from '../mocks/local-aws/defaults.ts'
import {
  createLocalAws,
  type LocalAws,
  type LocalAwsOptions,
} from '../mocks/local-aws/local-aws.ts'
import { putItem, scanToWire } from '../mocks/local-aws/projects-table.ts'
import type { ProjectItem } from '../mocks/local-aws/state.ts'

/** jsdom's origin; the app in tests reaches the emulator at `${LOCAL_ORIGIN}/local-aws`. */
export const LOCAL_ORIGIN = 'http://localhost:3000'
export const COGNITO_ENDPOINT = `${LOCAL_ORIGIN}${LOCAL_AWS_BASE_PATH}`

let current: LocalAws | undefined

/** The emulator serving the current test. */
export function localAws(): LocalAws {
  current ??= resetLocalAws()
  return current
}

/**
 * Replaces the emulator with a fresh one, e.g. with an injected clock:
 * `let t = Date.now(); resetLocalAws({ now: () => t })`. Called before each test.
 */
export function resetLocalAws(options: Omit<LocalAwsOptions, 'basePath' | 'store'> = {}): LocalAws {
  // Codes and errors stay quiet in tests; read them with latestCode() or localAws().inbox().
  current = createLocalAws({ log: () => {}, ...options, basePath: LOCAL_AWS_BASE_PATH })
  return current
}

export const server = setupServer(...localAwsHandlers(localAws, LOCAL_ORIGIN))

/** Calls a Cognito operation on the current emulator as the AWS SDK would; throws Cognito's error. */
export async function cognito<T = Record<string, unknown>>(
  operation: string,
  body: object,
): Promise<T> {
  const response = await localAws().handle(
    new Request(COGNITO_ENDPOINT, {
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

/** A user of the default pool, signed up through Cognito's own operations (confirmed unless told otherwise). */
export async function createUser({
  email,
  password,
  confirmed = true,
}: {
  email: string
  password: string
  confirmed?: boolean
}): Promise<{ email: string; password: string; sub: string }> {
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
}

export interface Tokens {
  IdToken: string
  AccessToken: string
  RefreshToken: string
}

/** Signs a confirmed user in (ADMIN_USER_PASSWORD_AUTH) and returns their tokens. */
export async function signIn(email: string, password: string): Promise<Tokens> {
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
}

/** The newest code delivered to `email` (sign-up, resend or password reset). */
export function latestCode(email: string): string {
  const entries = localAws()
    .inbox()
    .filter((entry) => entry.to.toLowerCase() === email.toLowerCase())
  const code = entries.at(-1)?.code
  if (!code) throw new Error(`No code was delivered to ${email}`)
  return code
}

/** The stored projects exactly as GET /projects would answer them (ids as strings, hash order). */
export function projects(): ProjectItem[] {
  return scanToWire(localAws().snapshot())
}

/**
 * Adds projects as POST /projects would write them (same id replaces), without
 * a signed-in user. Ids must be JSON numbers, as the real table requires.
 */
export async function seedProjects(list: ProjectItem[]): Promise<void> {
  await localAws().update((state) => list.forEach((item) => putItem(state, item)))
}
