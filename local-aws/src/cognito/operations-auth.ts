/** InitiateAuth, AdminInitiateAuth, (Admin)RespondToAuthChallenge, GetTokensFromRefreshToken. */
import {
  assertClientSecret,
  assertFlowEnabled,
  assertSecretHash,
  findClient,
  findPool,
  findPoolClient,
} from './clients.ts'
import { record, str, type Body, type CognitoContext } from './context.ts'
import type { ClientRecord, PoolRecord } from './data.ts'
import { respondToChallenge } from './challenges.ts'
import { invalidParameter } from './errors.ts'
import { passwordSignIn, refreshSignIn } from './sign-in.ts'
import { startSrp, verifySrp } from './srp-flow.ts'
import { startUserAuth } from './user-auth.ts'
import { findUser } from './users.ts'

const FLOW_SETTING: Record<string, string> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
}
const CLIENT_FLOWS = [
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'USER_AUTH',
]
const ADMIN_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
]

async function runFlow(
  ctx: CognitoContext,
  pool: PoolRecord,
  client: ClientRecord,
  flow: string,
  body: Body,
) {
  const params = record(body.AuthParameters)
  const setting = FLOW_SETTING[flow]
  if (!setting) throw invalidParameter('Initiate Auth method not supported.')
  assertFlowEnabled(client, setting)
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    if (rotates(client)) {
      throw invalidParameter(
        `${flow} is not allowed for a client with refresh token rotation: refresh with GetTokensFromRefreshToken`,
      )
    }
    const { user, result } = await refreshSignIn(ctx, pool, client, params.REFRESH_TOKEN)
    await assertSecretHash(client, params.SECRET_HASH, [user.username, user.email])
    return result
  }
  const user = findUser(pool, params.USERNAME)
  await assertSecretHash(
    client,
    params.SECRET_HASH,
    user ? [user.email, user.username] : [str(params.USERNAME) ?? ''],
  )
  if (flow === 'USER_SRP_AUTH') return startSrp(ctx, pool, client, params)
  if (flow === 'USER_AUTH') return startUserAuth(ctx, pool, client, params, body.Session)
  if (
    flow === 'USER_PASSWORD_AUTH' ||
    flow === 'ADMIN_NO_SRP_AUTH' ||
    flow === 'ADMIN_USER_PASSWORD_AUTH'
  ) {
    return passwordSignIn(ctx, pool, client, params)
  }
  throw invalidParameter(`${flow} is not supported by the local Cognito emulator`)
}

export async function initiateAuth(body: Body, ctx: CognitoContext) {
  const { pool, client } = findClient(ctx.data, body.ClientId)
  const flow = str(body.AuthFlow) ?? ''
  if (!CLIENT_FLOWS.includes(flow)) throw invalidParameter('Initiate Auth method not supported.')
  return runFlow(ctx, pool, client, flow, body)
}

export async function adminInitiateAuth(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const client = findPoolClient(pool, body.ClientId)
  const flow = str(body.AuthFlow) ?? ''
  if (!ADMIN_FLOWS.includes(flow)) throw invalidParameter('Initiate Auth method not supported.')
  return runFlow(ctx, pool, client, flow, body)
}

async function respond(ctx: CognitoContext, pool: PoolRecord, client: ClientRecord, body: Body) {
  const responses = record(body.ChallengeResponses)
  const name = str(body.ChallengeName)
  if (name === 'PASSWORD_VERIFIER') return verifySrp(ctx, pool, client, responses)
  return respondToChallenge(ctx, pool, client, name, body.Session, responses)
}

export async function respondToAuthChallenge(body: Body, ctx: CognitoContext) {
  const { pool, client } = findClient(ctx.data, body.ClientId)
  return respond(ctx, pool, client, body)
}

export async function adminRespondToAuthChallenge(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  return respond(ctx, pool, findPoolClient(pool, body.ClientId), body)
}

const rotates = (client: ClientRecord) => client.refreshTokenRotation?.feature === 'ENABLED'

export async function getTokensFromRefreshToken(body: Body, ctx: CognitoContext) {
  const { pool, client } = findClient(ctx.data, body.ClientId)
  assertClientSecret(client, body.ClientSecret)
  // A rotating client has no REFRESH_TOKEN_AUTH (the console turns it off): this is its only way.
  if (!rotates(client)) assertFlowEnabled(client, 'ALLOW_REFRESH_TOKEN_AUTH')
  const { result } = await refreshSignIn(ctx, pool, client, body.RefreshToken, {
    rotate: rotates(client),
  })
  return { AuthenticationResult: result.AuthenticationResult }
}
