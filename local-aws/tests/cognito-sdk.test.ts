// @vitest-environment node
import { createHmac } from 'node:crypto'
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import {
  PASSWORD,
  callCognito,
  setupCognitoEmulator,
  uniqueEmail,
  sdkClient,
} from './cognito-harness.ts'

const emulator = setupCognitoEmulator()
const cognito = sdkClient()
const pool = { UserPoolId: DEFAULT_USER_POOL_ID }

async function adminSignIn(
  email: string,
  password: string,
  ClientId = DEFAULT_CLIENT_ID,
  extra = {},
) {
  return cognito.send(
    new AdminInitiateAuthCommand({
      ...pool,
      ClientId,
      AuthFlow: 'ADMIN_NO_SRP_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password, ...extra },
    }),
  )
}

describe('AWS SDK v3 admin calls', () => {
  it('creates a user whose first sign-in must set a new password', async () => {
    const email = uniqueEmail()
    const created = await cognito.send(
      new AdminCreateUserCommand({
        ...pool,
        Username: email,
        TemporaryPassword: 'T3mporary!',
        MessageAction: 'SUPPRESS',
      }),
    )
    expect(created.User).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true })
    expect(created.User?.UserCreateDate).toBeInstanceOf(Date)

    const first = await adminSignIn(email, 'T3mporary!')
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    expect(first.AuthenticationResult).toBeUndefined()

    const done = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEFAULT_CLIENT_ID,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: PASSWORD },
      }),
    )
    expect(done.AuthenticationResult?.IdToken).toMatch(/^eyJ/)
    const user = await cognito.send(
      new GetUserCommand({ AccessToken: done.AuthenticationResult?.AccessToken }),
    )
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: email })
    expect((await adminSignIn(email, PASSWORD)).AuthenticationResult?.IdToken).toMatch(/^eyJ/)
  })

  it('confirms, sets passwords, gets, lists and deletes users', async () => {
    const email = uniqueEmail()
    const { UserSub } = await cognito.send(
      new SignUpCommand({ ClientId: DEFAULT_CLIENT_ID, Username: email, Password: PASSWORD }),
    )
    expect(
      (await cognito.send(new AdminGetUserCommand({ ...pool, Username: email }))).UserStatus,
    ).toBe('UNCONFIRMED')

    await cognito.send(new AdminConfirmSignUpCommand({ ...pool, Username: email }))
    await cognito.send(
      new AdminSetUserPasswordCommand({
        ...pool,
        Username: email,
        Password: 'An0ther-pass!',
        Permanent: true,
      }),
    )
    const got = await cognito.send(new AdminGetUserCommand({ ...pool, Username: UserSub }))
    expect(got).toMatchObject({ Username: UserSub, UserStatus: 'CONFIRMED' })
    await expect(adminSignIn(email, PASSWORD)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    })
    expect(
      (await adminSignIn(email, 'An0ther-pass!')).AuthenticationResult?.AccessToken,
    ).toBeTruthy()

    const listed = await cognito.send(
      new ListUsersCommand({ ...pool, Filter: `email = "${email}"` }),
    )
    expect(listed.Users?.map((u) => u.Username)).toEqual([UserSub])

    await cognito.send(new AdminDeleteUserCommand({ ...pool, Username: email }))
    await expect(
      cognito.send(new AdminGetUserCommand({ ...pool, Username: email })),
    ).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
    expect((await cognito.send(new ListUsersCommand(pool))).Users).toEqual([])
  })

  it('signs in with ADMIN_NO_SRP_AUTH as the README walkthrough does, and refuses a wrong password', async () => {
    const email = uniqueEmail()
    await cognito.send(
      new SignUpCommand({ ClientId: DEFAULT_CLIENT_ID, Username: email, Password: PASSWORD }),
    )
    await cognito.send(new AdminConfirmSignUpCommand({ ...pool, Username: email }))
    const ok = await adminSignIn(email, PASSWORD)
    expect(ok.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 })
    await expect(adminSignIn(email, 'Wr0ng-pass!')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  it('requires the right SECRET_HASH from a client created with a secret', async () => {
    const email = uniqueEmail()
    await cognito.send(
      new AdminCreateUserCommand({ ...pool, Username: email, TemporaryPassword: PASSWORD }),
    )
    await cognito.send(
      new AdminSetUserPasswordCommand({
        ...pool,
        Username: email,
        Password: PASSWORD,
        Permanent: true,
      }),
    )
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        ...pool,
        ClientName: 'server-side',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
    const clientId = UserPoolClient?.ClientId ?? ''
    const described = await cognito.send(
      new DescribeUserPoolClientCommand({ ...pool, ClientId: clientId }),
    )
    const secret = described.UserPoolClient?.ClientSecret ?? ''
    expect(secret).not.toBe('')

    const hash = createHmac('sha256', secret)
      .update(email + clientId)
      .digest('base64')
    expect(
      (await adminSignIn(email, PASSWORD, clientId, { SECRET_HASH: hash })).AuthenticationResult,
    ).toBeDefined()
    const refused = {
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${clientId}`,
    }
    await expect(
      adminSignIn(email, PASSWORD, clientId, { SECRET_HASH: 'd3Jvbmc=' }),
    ).rejects.toMatchObject(refused)
    await expect(adminSignIn(email, PASSWORD, clientId)).rejects.toMatchObject(refused)
  })

  it('stops access and refresh tokens after a global sign-out, and expires access tokens', async () => {
    const email = uniqueEmail()
    await cognito.send(
      new AdminCreateUserCommand({ ...pool, Username: email, TemporaryPassword: PASSWORD }),
    )
    await cognito.send(
      new AdminSetUserPasswordCommand({
        ...pool,
        Username: email,
        Password: PASSWORD,
        Permanent: true,
      }),
    )
    const tokens = (await adminSignIn(email, PASSWORD)).AuthenticationResult
    emulator.advance(3600 * 1000)
    await expect(
      cognito.send(new GetUserCommand({ AccessToken: tokens?.AccessToken })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    })
    const refreshed = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens?.RefreshToken ?? '' },
      }),
    )
    const fresh = refreshed.AuthenticationResult
    expect(fresh?.RefreshToken).toBeUndefined()
    await cognito.send(new GlobalSignOutCommand({ AccessToken: fresh?.AccessToken }))
    await expect(
      cognito.send(new GetUserCommand({ AccessToken: fresh?.AccessToken })),
    ).rejects.toMatchObject({
      message: 'Access Token has been revoked',
    })
    const again = await callCognito('GetTokensFromRefreshToken', {
      ClientId: DEFAULT_CLIENT_ID,
      RefreshToken: tokens?.RefreshToken,
    })
    expect(again).toMatchObject({
      status: 400,
      errorType: 'NotAuthorizedException',
      body: { __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' },
    })
  })

  it('answers an operation it does not emulate with a clear Cognito-style error', async () => {
    const result = await callCognito('CreateUserPool', { PoolName: 'x' })
    expect(result.status).toBe(400)
    expect(result.body.message).toBe(
      'CreateUserPool is not supported by the local Cognito emulator',
    )
  })
})
