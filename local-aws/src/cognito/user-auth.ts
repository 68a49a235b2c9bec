/**
 * Choice-based sign-in (InitiateAuth USER_AUTH): the user names themselves,
 * then signs in with a passkey, an e-mailed or texted code, or their password,
 * either as their PREFERRED_CHALLENGE or picked from a SELECT_CHALLENGE.
 */
import { str, type CognitoContext } from './context.ts'
import type { ClientRecord, PoolRecord, UserRecord } from './data.ts'
import { CognitoError, invalidParameter, notAuthorized } from './errors.ts'
import {
  afterFirstFactor,
  issueChallenge,
  issueSignIn,
  openChallenge,
  wrongCode,
  type ChallengeState,
  type SignInAnswer,
} from './challenges.ts'
import { activeFactors, maskPhone, poolMfa } from './mfa.ts'
import { checkPassword } from './passwords.ts'
import { allowedFirstFactors, assertEssentials } from './sign-in-policy.ts'
import { finishSignIn, unknownUser } from './sign-in.ts'
import { startSrp } from './srp-flow.ts'
import { findUser, maskEmail } from './users.ts'
import {
  authenticationOptions,
  credentialsOf,
  verifyAssertion,
  webAuthnConfig,
} from './webauthn.ts'

export type FirstChallenge = 'WEB_AUTHN' | 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD' | 'PASSWORD_SRP'

const CHALLENGE_ORDER: FirstChallenge[] = [
  'WEB_AUTHN',
  'EMAIL_OTP',
  'SMS_OTP',
  'PASSWORD',
  'PASSWORD_SRP',
]

export const hasPassword = (user: UserRecord) => user.password.verifier !== ''

/**
 * What this user can sign in with. Cognito offers passwordless factors only
 * to users without MFA, and none while the pool requires MFA.
 */
export function availableChallenges(pool: PoolRecord, user: UserRecord): FirstChallenge[] {
  const allowed = allowedFirstFactors(pool)
  const passwordless = poolMfa(pool).mode !== 'ON' && activeFactors(pool, user).length === 0
  const offered = new Set<FirstChallenge>()
  if (passwordless && allowed.includes('WEB_AUTHN') && credentialsOf(user).length > 0) {
    if (webAuthnConfig(pool).relyingPartyId) offered.add('WEB_AUTHN')
  }
  if (passwordless && allowed.includes('EMAIL_OTP') && user.emailVerified) offered.add('EMAIL_OTP')
  if (
    passwordless &&
    allowed.includes('SMS_OTP') &&
    user.attributes.phone_number &&
    user.attributes.phone_number_verified === 'true'
  ) {
    offered.add('SMS_OTP')
  }
  if (hasPassword(user)) {
    offered.add('PASSWORD')
    offered.add('PASSWORD_SRP')
  }
  return CHALLENGE_ORDER.filter((c) => offered.has(c))
}

function assertCanSignIn(user: UserRecord) {
  if (!user.enabled) throw notAuthorized('User is disabled.')
  if (user.status === 'UNCONFIRMED') {
    throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.')
  }
}

/** InitiateAuth with AuthFlow USER_AUTH. */
export async function startUserAuth(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  params: Record<string, unknown>,
  session: unknown,
): Promise<SignInAnswer & { AvailableChallenges?: FirstChallenge[] }> {
  assertEssentials(pool, 'Choice-based sign-in (USER_AUTH)')
  const user = findUser(pool, params.USERNAME)
  if (session !== undefined && session !== null && session !== '') {
    // The Session ConfirmSignUp returned: signs the new user in without another factor.
    const opened = await openChallenge(ctx, session, 'SIGN_UP')
    if (!user || opened.user !== user || opened.client.clientId !== client.clientId) {
      throw notAuthorized('Invalid session for the user.')
    }
    assertCanSignIn(user)
    return afterFirstFactor(ctx, pool, client, user)
  }
  if (!user) throw unknownUser(client)
  assertCanSignIn(user)
  const available = availableChallenges(pool, user)
  const preferred = params.PREFERRED_CHALLENGE
  if (preferred !== undefined) {
    if (!CHALLENGE_ORDER.includes(preferred as FirstChallenge)) {
      throw invalidParameter(`${String(preferred)} is not a valid PREFERRED_CHALLENGE`)
    }
    if (available.includes(preferred as FirstChallenge)) {
      return startChallenge(ctx, pool, client, user, preferred as FirstChallenge, params)
    }
  }
  if (available.length === 0) throw unknownUser(client)
  const answer = await issueChallenge(
    ctx,
    pool,
    client,
    user,
    'SELECT_CHALLENGE',
    {},
    { choices: available },
  )
  return { ...answer, AvailableChallenges: available }
}

/** Starts the chosen first factor; `params` carries its PASSWORD or SRP_A. */
async function startChallenge(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  challenge: FirstChallenge,
  params: Record<string, unknown>,
): Promise<SignInAnswer> {
  switch (challenge) {
    case 'PASSWORD':
      if (params.PASSWORD === undefined) {
        throw invalidParameter('Missing required parameter PASSWORD')
      }
      await checkPassword(user, pool.id, params.PASSWORD, ctx.now()).catch((error: unknown) => {
        ctx.log(`sign-in ${user.email}: wrong password (USER_AUTH)`)
        throw error
      })
      return finishSignIn(ctx, pool, client, user, params.DEVICE_KEY)
    case 'PASSWORD_SRP':
      return startSrp(ctx, pool, client, { ...params, USERNAME: user.email })
    case 'WEB_AUTHN': {
      const options = await authenticationOptions(pool, user)
      return issueChallenge(
        ctx,
        pool,
        client,
        user,
        'WEB_AUTHN',
        { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) },
        { webAuthnChallenge: options.challenge, choices: availableChallenges(pool, user) },
      )
    }
    case 'EMAIL_OTP':
    case 'SMS_OTP': {
      const sms = challenge === 'SMS_OTP'
      const to = sms ? (user.attributes.phone_number ?? '') : user.email
      const answer = await issueChallenge(ctx, pool, client, user, challenge, {
        CODE_DELIVERY_DELIVERY_MEDIUM: sms ? 'SMS' : 'EMAIL',
        CODE_DELIVERY_DESTINATION: sms ? maskPhone(to) : maskEmail(to),
      })
      const code = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1e8).padStart(8, '0')
      user.challenge!.code = code
      ctx.deliver({ to, kind: 'sign-in', code, userPoolId: pool.id, clientId: client.clientId })
      return answer
    }
  }
}

interface Answer {
  ctx: CognitoContext
  pool: PoolRecord
  client: ClientRecord
  user: UserRecord
  state: ChallengeState
  responses: Record<string, unknown>
}

/** RespondToAuthChallenge SELECT_CHALLENGE: ANSWER names the factor, with its PASSWORD or SRP_A. */
export async function answerSelectChallenge({ ctx, pool, client, user, state, responses }: Answer) {
  const choice = str(responses.ANSWER)
  if (!choice || !(state.choices ?? []).includes(choice)) {
    throw invalidParameter(`${choice ?? 'ANSWER'} is not one of the available challenges.`)
  }
  return startChallenge(ctx, pool, client, user, choice as FirstChallenge, responses)
}

/** RespondToAuthChallenge WEB_AUTHN: CREDENTIAL is the browser's assertion, as JSON. */
export async function answerWebAuthn({ ctx, pool, client, user, state, responses }: Answer) {
  const challenge = state.webAuthnChallenge ?? ''
  if (!(await verifyAssertion(pool, user, challenge, responses.CREDENTIAL))) {
    ctx.log(`sign-in ${user.email}: passkey refused`)
    throw wrongCode(user, notAuthorized('The passkey could not be verified.'))
  }
  ctx.log(`sign-in ${user.email}: passkey accepted`)
  return issueSignIn(ctx, pool, client, user)
}
