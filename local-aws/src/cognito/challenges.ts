/**
 * Sign-in challenges after the first factor. Each challenge is issued with a
 * sealed Session naming it, and answered through `CHALLENGES[name]`, so a new
 * challenge is one more entry in that table (PASSWORD_VERIFIER, which carries
 * its own SRP state, is answered in srp-flow.ts; the device challenges'
 * checks are in devices.ts).
 */
import { assertSecretHash } from './clients.ts'
import { str, type CognitoContext } from './context.ts'
import type { ClientRecord, MfaType, PoolRecord, UserRecord } from './data.ts'
import { CognitoError, invalidParameter, notAuthorized } from './errors.ts'
import { isMfaType, maskPhone, nextFactor, totpMatches, userMfa } from './mfa.ts'
import { assertPasswordPolicy, setPassword } from './passwords.ts'
import { seal, unseal } from './sealed.ts'
import { createSession, issueTokens } from './tokens.ts'
import { answerSelectChallenge, answerWebAuthn } from './user-auth.ts'
import { answerDeviceSrpAuth, newDeviceMetadata, verifyDeviceClaim } from './devices.ts'
import { maskEmail } from './users.ts'

/** Cognito's challenge sessions last 3 minutes. */
export const CHALLENGE_MS = 3 * 60 * 1000
/** Wrong codes one challenge takes; the next answer finds the session gone. */
const MAX_WRONG_CODES = 5

export const expiredSession = () =>
  notAuthorized('Invalid session for the user, session is expired.')
const invalidSession = () => notAuthorized('Invalid session for the user.')
const codeMismatch = () =>
  new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.')

/** What a challenge Session carries, sealed. */
export interface ChallengeState {
  /** The challenge name this Session answers. */
  t: string
  p: string
  c: string
  u: string
  exp: number
  /** Matches the user's pending challenge, so a newer sign-in or too many wrong codes end this one. */
  id: string
  /** The factors offered (SELECT_MFA_TYPE, MFA_SETUP). */
  types?: MfaType[]
  /** MFA_SETUP: the TOTP secret handed out, and whether a code for it was verified. */
  secret?: string
  verified?: boolean
  /** EMAIL_OTP sent while setting up e-mail MFA. */
  setup?: boolean
  /** SELECT_CHALLENGE: the first factors offered. */
  choices?: string[]
  /** WEB_AUTHN: the challenge the passkey must sign. */
  webAuthnChallenge?: string
  /**
   * The device key the sign-in named: to be proved in DEVICE_SRP_AUTH and
   * DEVICE_PASSWORD_VERIFIER, proved in any later challenge (its tokens then
   * carry no NewDeviceMetadata).
   */
  device?: string
}

export interface SignInAnswer {
  ChallengeName?: string
  Session?: string
  ChallengeParameters: Record<string, string>
  AuthenticationResult?: Record<string, unknown>
}

export const sealChallenge = (ctx: CognitoContext, state: ChallengeState) => seal(ctx.data, state)

/** Opens a Session for the challenge `name`; throws Cognito's session errors when it can't be used. */
export async function openChallenge(ctx: CognitoContext, session: unknown, name?: string) {
  const raw = await unseal(ctx.data, session)
  if (!raw || typeof raw.t !== 'string' || (name !== undefined && raw.t !== name)) {
    throw expiredSession()
  }
  const state = raw as unknown as ChallengeState
  if (Number(state.exp) <= ctx.now()) throw expiredSession()
  const pool = ctx.data.pools[state.p]
  const client = pool?.clients[state.c]
  const user = pool?.users[state.u]
  if (!pool || !client || !user) throw expiredSession()
  if (user.challenge?.id !== state.id) throw invalidSession()
  return { state, pool, client, user }
}

/** Issues a challenge: a fresh pending challenge on the user and a Session pointing at it. */
export async function issueChallenge(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  name: string,
  parameters: Record<string, string> = {},
  extra: Partial<ChallengeState> = {},
): Promise<SignInAnswer> {
  const id = crypto.randomUUID()
  user.challenge = { id, failedAttempts: 0 }
  const state: ChallengeState = {
    t: name,
    p: pool.id,
    c: client.clientId,
    u: user.username,
    exp: ctx.now() + CHALLENGE_MS,
    id,
    ...extra,
  }
  ctx.log(`sign-in ${user.email}: ${name}`)
  return {
    ChallengeName: name,
    Session: await sealChallenge(ctx, state),
    ChallengeParameters: { USER_ID_FOR_SRP: user.username, ...parameters },
  }
}

/** Tokens for a user who passed every step; a new device for them unless the sign-in proved one. */
export async function issueSignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  device?: string,
): Promise<SignInAnswer> {
  delete user.challenge
  const { session, refreshToken } = await createSession(ctx, pool, client, user)
  const tokens = await issueTokens(ctx, pool, client, user, session)
  const NewDeviceMetadata = device ? undefined : newDeviceMetadata(ctx, pool, user)
  ctx.log(`sign-in ${user.email}: tokens issued (client ${client.clientId})`)
  return {
    AuthenticationResult: {
      ...tokens,
      RefreshToken: refreshToken,
      ...(NewDeviceMetadata ? { NewDeviceMetadata } : {}),
    },
    ChallengeParameters: {},
  }
}

/**
 * After the password (and a new one, if it had to change, and the device, if
 * the sign-in named one): MFA if the pool asks for it, else tokens. A
 * remembered device stands in for the MFA code when the pool says so
 * (ChallengeRequiredOnNewDevice); it can't stand in for setting MFA up.
 */
export async function afterFirstFactor(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  device?: string,
): Promise<SignInAnswer> {
  const next = nextFactor(pool, user)
  if (
    (next.kind === 'challenge' || next.kind === 'select') &&
    device &&
    user.devices?.[device]?.remembered &&
    pool.deviceConfiguration?.ChallengeRequiredOnNewDevice
  ) {
    ctx.log(`sign-in ${user.email}: remembered device, no MFA code asked`)
    return issueSignIn(ctx, pool, client, user, device)
  }
  if (next.kind === 'challenge') return mfaChallenge(ctx, pool, client, user, next.type, { device })
  if (next.kind === 'select') {
    return issueChallenge(
      ctx,
      pool,
      client,
      user,
      'SELECT_MFA_TYPE',
      { MFAS_CAN_CHOOSE: JSON.stringify(next.types) },
      { types: next.types, device },
    )
  }
  if (next.kind === 'setup') {
    return issueChallenge(
      ctx,
      pool,
      client,
      user,
      'MFA_SETUP',
      { MFAS_CAN_SETUP: JSON.stringify(next.types) },
      { types: next.types, device },
    )
  }
  return issueSignIn(ctx, pool, client, user, device)
}

/** Sends the SMS or e-mail code (TOTP needs none) and asks for it. */
async function mfaChallenge(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  type: MfaType,
  { setupEmail, device }: { setupEmail?: string; device?: string } = {},
): Promise<SignInAnswer> {
  if (type === 'SOFTWARE_TOKEN_MFA') {
    return issueChallenge(ctx, pool, client, user, type, {}, { device })
  }
  const sms = type === 'SMS_MFA'
  const to = sms ? (user.attributes.phone_number ?? '') : (setupEmail ?? user.email)
  const answer = await issueChallenge(
    ctx,
    pool,
    client,
    user,
    type,
    {
      CODE_DELIVERY_DELIVERY_MEDIUM: sms ? 'SMS' : 'EMAIL',
      CODE_DELIVERY_DESTINATION: sms ? maskPhone(to) : maskEmail(to),
    },
    { device, ...(setupEmail ? { setup: true } : {}) },
  )
  const code = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0')
  user.challenge!.code = code
  if (setupEmail) user.challenge!.setupEmail = setupEmail
  ctx.deliver({
    to,
    kind: sms ? 'sms-mfa' : 'email-mfa',
    code,
    userPoolId: pool.id,
    clientId: client.clientId,
  })
  return answer
}

/** Counts a wrong code against the challenge; past the limit the session is dead. */
export function wrongCode(user: UserRecord, error: CognitoError = codeMismatch()): CognitoError {
  const pending = user.challenge
  if (pending) {
    pending.failedAttempts += 1
    if (pending.failedAttempts >= MAX_WRONG_CODES) delete user.challenge
  }
  return error
}

export interface ChallengeAnswer {
  ctx: CognitoContext
  pool: PoolRecord
  client: ClientRecord
  user: UserRecord
  state: ChallengeState
  responses: Record<string, unknown>
}

type Responder = (answer: ChallengeAnswer) => Promise<SignInAnswer>

async function answerCode(answer: ChallengeAnswer, field: string): Promise<SignInAnswer> {
  const { ctx, pool, client, user, state, responses } = answer
  const given = str(responses[field])
  const expected = user.challenge?.code
  if (!given || !expected || given !== expected) {
    ctx.log(`sign-in ${user.email}: wrong ${state.t} code`)
    throw wrongCode(user)
  }
  if (state.t === 'SMS_MFA') user.attributes.phone_number_verified = 'true'
  if (state.t === 'EMAIL_OTP') {
    // Completing an e-mail code proves the address (Cognito marks it verified).
    const setupEmail = user.challenge?.setupEmail
    if (state.setup && setupEmail) {
      user.email = setupEmail
      const mfa = userMfa(user)
      if (!mfa.enabled.includes('EMAIL_OTP')) mfa.enabled.push('EMAIL_OTP')
    }
    user.emailVerified = true
  }
  user.updatedAt = ctx.now()
  return issueSignIn(ctx, pool, client, user, state.device)
}

/** The answer to each challenge this emulator issues after the first factor. */
export const CHALLENGES: Record<string, Responder> = {
  async NEW_PASSWORD_REQUIRED({ ctx, pool, client, user, responses }) {
    const password = assertPasswordPolicy(responses.NEW_PASSWORD)
    await setPassword(user, pool.id, password, ctx.now())
    user.status = 'CONFIRMED'
    ctx.log(`sign-in ${user.email}: new password set`)
    return afterFirstFactor(ctx, pool, client, user)
  },
  SMS_MFA: (answer) => answerCode(answer, 'SMS_MFA_CODE'),
  EMAIL_OTP: (answer) => answerCode(answer, 'EMAIL_OTP_CODE'),
  SMS_OTP: (answer) => answerCode(answer, 'SMS_OTP_CODE'),
  SELECT_CHALLENGE: (answer) => answerSelectChallenge(answer),
  WEB_AUTHN: (answer) => answerWebAuthn(answer),
  DEVICE_SRP_AUTH: (answer) => answerDeviceSrpAuth(answer),
  async DEVICE_PASSWORD_VERIFIER(answer) {
    const device = await verifyDeviceClaim(answer)
    return afterFirstFactor(answer.ctx, answer.pool, answer.client, answer.user, device.key)
  },
  async SOFTWARE_TOKEN_MFA({ ctx, pool, client, user, state, responses }) {
    const secret = user.mfa?.totpSecret
    if (!secret) {
      throw new CognitoError(
        'SoftwareTokenMFANotFoundException',
        'Software Token MFA has not been enabled by the user.',
      )
    }
    if (!totpMatches(secret, responses.SOFTWARE_TOKEN_MFA_CODE, ctx.now())) {
      ctx.log(`sign-in ${user.email}: wrong SOFTWARE_TOKEN_MFA code`)
      throw wrongCode(user)
    }
    return issueSignIn(ctx, pool, client, user, state.device)
  },
  async SELECT_MFA_TYPE({ ctx, pool, client, user, state, responses }) {
    const choice = responses.ANSWER
    if (!isMfaType(choice) || !(state.types ?? []).includes(choice)) {
      throw invalidParameter('Invalid MFA type selected.')
    }
    return mfaChallenge(ctx, pool, client, user, choice, { device: state.device })
  },
  async MFA_SETUP({ ctx, pool, client, user, state, responses }) {
    const email = str(responses.EMAIL)
    if (email !== undefined) {
      if (!(state.types ?? []).includes('EMAIL_OTP')) {
        throw invalidParameter('Email MFA is not enabled for this user pool.')
      }
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw invalidParameter('Invalid email address format.')
      return mfaChallenge(ctx, pool, client, user, 'EMAIL_OTP', {
        setupEmail: email,
        device: state.device,
      })
    }
    if (!state.secret || !state.verified) {
      throw invalidParameter(
        'Software token MFA setup is not complete: verify a code (VerifySoftwareToken) first.',
      )
    }
    const mfa = userMfa(user)
    mfa.totpSecret = state.secret
    if (!mfa.enabled.includes('SOFTWARE_TOKEN_MFA')) mfa.enabled.push('SOFTWARE_TOKEN_MFA')
    mfa.preferred ??= 'SOFTWARE_TOKEN_MFA'
    ctx.log(`sign-in ${user.email}: authenticator app set up`)
    return issueSignIn(ctx, pool, client, user, state.device)
  },
}

/** RespondToAuthChallenge for everything but PASSWORD_VERIFIER. */
export async function respondToChallenge(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  name: string | undefined,
  session: unknown,
  responses: Record<string, unknown>,
): Promise<SignInAnswer> {
  const respond = name ? CHALLENGES[name] : undefined
  if (!name || !respond) {
    throw invalidParameter(
      `${name ?? 'This challenge'} is not supported by the local Cognito emulator`,
    )
  }
  if (session === undefined || session === null || session === '') {
    throw invalidParameter('Missing required parameter Session')
  }
  // A passkey prompt the user turned down may be traded for another factor:
  // SELECT_CHALLENGE answers a WEB_AUTHN session too (Amplify sends exactly that).
  const opened =
    name === 'SELECT_CHALLENGE'
      ? await openChallenge(ctx, session).then((o) => {
          if (o.state.t !== 'SELECT_CHALLENGE' && o.state.t !== 'WEB_AUTHN') throw expiredSession()
          return o
        })
      : await openChallenge(ctx, session, name)
  if (opened.pool.id !== pool.id || opened.client.clientId !== client.clientId) {
    throw expiredSession()
  }
  const { user, state } = opened
  await assertSecretHash(client, responses.SECRET_HASH, [user.username, user.email])
  return respond({ ctx, pool, client, user, state, responses })
}
