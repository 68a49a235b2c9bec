/**
 * USER_SRP_AUTH: InitiateAuth answers PASSWORD_VERIFIER with SALT, SRP_B and
 * a SECRET_BLOCK (the server's ephemeral secret, sealed), then
 * RespondToAuthChallenge checks PASSWORD_CLAIM_SIGNATURE.
 */
import { base64ToBytes, bytesToHex, randomBytes, safeEqual } from './bytes.ts'
import { assertSecretHash, preventsUserExistenceErrors } from './clients.ts'
import { str, type CognitoContext } from './context.ts'
import { poolName, type ClientRecord, type PoolRecord } from './data.ts'
import { INCORRECT_CREDENTIALS, invalidParameter, notAuthorized } from './errors.ts'
import { assertNotLockedOut, recordFailedSignIn, recordSuccessfulSignIn } from './passwords.ts'
import { seal, unseal } from './sealed.ts'
import { CHALLENGE_MS, expiredSession } from './challenges.ts'
import { finishSignIn, unknownUser } from './sign-in.ts'
import { claimSignature, createServerEphemeral, deriveSessionKey, padHex } from './srp.ts'
import { findUser } from './users.ts'

export async function startSrp(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  params: Record<string, unknown>,
) {
  const A = str(params.SRP_A)
  if (!A || !/^[0-9a-fA-F]+$/.test(A)) throw invalidParameter('Missing required parameter SRP_A')
  const given = str(params.USERNAME) ?? ''
  const user = findUser(pool, given)
  if (user) assertNotLockedOut(user, ctx.now())
  else if (!preventsUserExistenceErrors(client)) throw unknownUser(client)
  // An unknown user gets a challenge built on a random verifier, so the answer
  // looks the same as for a real user and the failure comes at the next step.
  // So does a user who signed up without a password.
  const verifier = user?.password.verifier || bytesToHex(randomBytes(384))
  const salt = user?.password.salt || padHex(BigInt(`0x${bytesToHex(randomBytes(16))}`))
  const { b, B } = await createServerEphemeral(verifier)
  const userId = user?.username ?? given
  const SECRET_BLOCK = await seal(ctx.data, {
    t: 'SRP',
    p: pool.id,
    c: client.clientId,
    u: user?.username ?? null,
    A,
    B,
    b,
    exp: ctx.now() + CHALLENGE_MS,
  })
  ctx.log(`sign-in (SRP) ${user?.email ?? 'unknown user'}: PASSWORD_VERIFIER challenge`)
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SECRET_BLOCK,
      SRP_B: B,
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
    },
  }
}

export async function verifySrp(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  responses: Record<string, unknown>,
) {
  const secretBlock = str(responses.PASSWORD_CLAIM_SECRET_BLOCK)
  const state = await unseal(ctx.data, secretBlock)
  if (
    !state ||
    !secretBlock ||
    state.t !== 'SRP' ||
    state.p !== pool.id ||
    state.c !== client.clientId
  ) {
    throw expiredSession()
  }
  if (Number(state.exp) <= ctx.now()) throw expiredSession()
  const user = typeof state.u === 'string' ? pool.users[state.u] : undefined
  const usernames = user ? [user.username, user.email] : [str(responses.USERNAME) ?? '']
  await assertSecretHash(client, responses.SECRET_HASH, usernames)
  if (!user) throw notAuthorized(INCORRECT_CREDENTIALS)
  assertNotLockedOut(user, ctx.now())
  const key = await deriveSessionKey({
    A: String(state.A),
    B: String(state.B),
    b: String(state.b),
    verifier: user.password.verifier,
  })
  const blockBytes = base64ToBytes(secretBlock)
  const timestamp = str(responses.TIMESTAMP) ?? ''
  const signature = str(responses.PASSWORD_CLAIM_SIGNATURE) ?? ''
  const expected =
    key && blockBytes
      ? await claimSignature(key, poolName(pool.id), user.username, blockBytes, timestamp)
      : null
  if (!expected || !safeEqual(expected, signature)) {
    ctx.log(`sign-in (SRP) ${user.email}: wrong password`)
    throw recordFailedSignIn(user, ctx.now())
  }
  recordSuccessfulSignIn(user)
  return finishSignIn(ctx, pool, client, user, responses.DEVICE_KEY)
}
