// @vitest-environment node
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminUserGlobalSignOutCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CreateUserPoolClientCommandInput,
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

async function confirmedUser() {
  const email = uniqueEmail()
  await callCognito('SignUp', { ClientId: DEFAULT_CLIENT_ID, Username: email, Password: PASSWORD })
  await callCognito('AdminConfirmSignUp', { ...pool, Username: email })
  return email
}

/** A client as the console makes one with rotation on: no ALLOW_REFRESH_TOKEN_AUTH. */
async function rotatingClient(
  grace: number,
  extra: Partial<CreateUserPoolClientCommandInput> = {},
) {
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      ...pool,
      ClientName: 'rotating',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: grace },
      ...extra,
    }),
  )
  return UserPoolClient?.ClientId ?? ''
}

async function signIn(email: string, ClientId = DEFAULT_CLIENT_ID) {
  const { AuthenticationResult } = await cognito.send(
    new AdminInitiateAuthCommand({
      ...pool,
      ClientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  )
  return {
    AccessToken: AuthenticationResult?.AccessToken ?? '',
    RefreshToken: AuthenticationResult?.RefreshToken ?? '',
  }
}

const refresh = (ClientId: string, RefreshToken: string) =>
  cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken }))

const reused = {
  name: 'RefreshTokenReuseException',
  message: 'Refresh token has been invalidated by refresh token rotation.',
}

describe('refresh-token rotation', () => {
  it('is set on an app client at creation and by an update, and read back', async () => {
    const clientId = await rotatingClient(30)
    const described = await cognito.send(
      new DescribeUserPoolClientCommand({ ...pool, ClientId: clientId }),
    )
    expect(described.UserPoolClient?.RefreshTokenRotation).toEqual({
      Feature: 'ENABLED',
      RetryGracePeriodSeconds: 30,
    })

    // As on AWS, an update sets what it is given; what it leaves out goes back to its default.
    emulator.advance(1000)
    const updated = await cognito.send(
      new UpdateUserPoolClientCommand({
        ...pool,
        ClientId: clientId,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      }),
    )
    expect(updated.UserPoolClient).toMatchObject({
      ClientId: clientId,
      ClientName: 'rotating',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
      RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    })
    expect(updated.UserPoolClient?.LastModifiedDate?.getTime()).toBeGreaterThan(
      updated.UserPoolClient?.CreationDate?.getTime() ?? Infinity,
    )
    const defaults = await cognito.send(
      new DescribeUserPoolClientCommand({ ...pool, ClientId: DEFAULT_CLIENT_ID }),
    )
    expect(defaults.UserPoolClient?.RefreshTokenRotation).toEqual({
      Feature: 'DISABLED',
      RetryGracePeriodSeconds: 0,
    })
  })

  it('refuses a grace period outside 0–60 s, a feature it does not know, and the Lite plan', async () => {
    await expect(rotatingClient(61)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value '61' at 'refreshTokenRotation.retryGracePeriodSeconds' failed to satisfy constraint: Member must have value less than or equal to 60",
    })
    await expect(
      rotatingClient(0, { RefreshTokenRotation: { Feature: 'ON' as 'ENABLED' } }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
    await cognito.send(new UpdateUserPoolCommand({ ...pool, UserPoolTier: 'LITE' }))
    await expect(rotatingClient(0)).rejects.toMatchObject({
      name: 'FeatureUnavailableInTierException',
    })
  })

  it('answers each refresh with a new refresh token, and refuses the old one once its grace period is over', async () => {
    const clientId = await rotatingClient(30)
    const first = await signIn(await confirmedUser(), clientId)

    const one = await refresh(clientId, first.RefreshToken)
    const second = one.AuthenticationResult?.RefreshToken ?? ''
    expect(second).not.toBe('')
    expect(second).not.toBe(first.RefreshToken)
    expect(one.AuthenticationResult?.AccessToken).toMatch(/^eyJ/)

    // Within the grace period the old token still works, for a retry...
    emulator.advance(29_000)
    const retry = await refresh(clientId, first.RefreshToken)
    const third = retry.AuthenticationResult?.RefreshToken ?? ''
    expect(third).not.toBe(second)
    // ...and both tokens handed out work, whichever of them a client kept.
    emulator.advance(1_000)
    await expect(refresh(clientId, first.RefreshToken)).rejects.toMatchObject(reused)
    const fromSecond = await refresh(clientId, second)
    const fromThird = await refresh(clientId, third)
    expect(fromSecond.AuthenticationResult?.RefreshToken).toBeTruthy()
    expect(fromThird.AuthenticationResult?.RefreshToken).toBeTruthy()

    // With no grace period, a refresh makes the token it used useless at once.
    const strict = await rotatingClient(0)
    const tokens = await signIn(await confirmedUser(), strict)
    const next = await refresh(strict, tokens.RefreshToken)
    await expect(refresh(strict, tokens.RefreshToken)).rejects.toMatchObject(reused)
    expect(
      (await refresh(strict, next.AuthenticationResult?.RefreshToken ?? '')).AuthenticationResult
        ?.AccessToken,
    ).toMatch(/^eyJ/)
  })

  it('makes each new refresh token last the client’s refresh-token validity from its issue', async () => {
    const clientId = await rotatingClient(0, {
      RefreshTokenValidity: 60,
      TokenValidityUnits: { RefreshToken: 'minutes' },
    })
    const tokens = await signIn(await confirmedUser(), clientId)
    emulator.advance(50 * 60_000)
    const rotated = await refresh(clientId, tokens.RefreshToken)
    emulator.advance(50 * 60_000)
    const again = await refresh(clientId, rotated.AuthenticationResult?.RefreshToken ?? '')
    emulator.advance(61 * 60_000)
    await expect(
      refresh(clientId, again.AuthenticationResult?.RefreshToken ?? ''),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
    })
  })

  it('refuses REFRESH_TOKEN_AUTH for a rotating client, and still answers it for one without rotation', async () => {
    const email = await confirmedUser()
    const consoleMade = await rotatingClient(10)
    const { RefreshToken } = await signIn(email, consoleMade)
    await expect(
      cognito.send(
        new InitiateAuthCommand({
          ClientId: consoleMade,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: RefreshToken },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    })

    const withFlow = await rotatingClient(10, {
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    })
    const tokens = await signIn(email, withFlow)
    await expect(
      cognito.send(
        new AdminInitiateAuthCommand({
          ...pool,
          ClientId: withFlow,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message:
        'REFRESH_TOKEN_AUTH is not allowed for a client with refresh token rotation: refresh with GetTokensFromRefreshToken',
    })

    const plain = await signIn(email)
    const refreshed = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: plain.RefreshToken },
      }),
    )
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined()
    const viaNewOperation = await refresh(DEFAULT_CLIENT_ID, plain.RefreshToken)
    expect(viaNewOperation.AuthenticationResult?.RefreshToken).toBeUndefined()
  })

  it('ends the whole sign-in when any of its refresh tokens is revoked, and after a global sign-out', async () => {
    const clientId = await rotatingClient(60)
    const email = await confirmedUser()
    const first = await signIn(email, clientId)
    const rotated = (await refresh(clientId, first.RefreshToken)).AuthenticationResult
    await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: first.RefreshToken }))
    await expect(refresh(clientId, rotated?.RefreshToken ?? '')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    })

    const other = await signIn(email, clientId)
    const next = (await refresh(clientId, other.RefreshToken)).AuthenticationResult
    await cognito.send(new AdminUserGlobalSignOutCommand({ ...pool, Username: email }))
    await expect(refresh(clientId, next?.RefreshToken ?? '')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    })
    await expect(
      cognito.send(new GetUserCommand({ AccessToken: next?.AccessToken })),
    ).rejects.toMatchObject({ message: 'Access Token has been revoked' })
  })

  it('refuses a refresh token it never issued as invalid, not as reused', async () => {
    const clientId = await rotatingClient(0)
    await expect(refresh(clientId, 'not-a-token')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    })
  })
})

describe('disabled users', () => {
  it('reports Enabled in AdminGetUser and ListUsers, and filters on it', async () => {
    const email = await confirmedUser()
    const still = await confirmedUser()
    await cognito.send(new AdminDisableUserCommand({ ...pool, Username: email }))
    const got = await cognito.send(new AdminGetUserCommand({ ...pool, Username: email }))
    expect(got).toMatchObject({ Enabled: false, UserStatus: 'CONFIRMED' })

    const disabled = await cognito.send(
      new ListUsersCommand({ ...pool, Filter: 'status = "Disabled"' }),
    )
    expect(
      disabled.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value),
    ).toEqual([email])
    const enabled = await cognito.send(
      new ListUsersCommand({ ...pool, Filter: 'status = "Enabled"' }),
    )
    expect(enabled.Users?.map((u) => u.Enabled)).toEqual([true])
    const confirmed = await cognito.send(
      new ListUsersCommand({ ...pool, Filter: 'cognito:user_status = "CONFIRMED"' }),
    )
    expect(confirmed.Users).toHaveLength(2)
    expect(still).not.toBe(email)

    await cognito.send(new AdminEnableUserCommand({ ...pool, Username: email }))
    expect(
      (await cognito.send(new AdminGetUserCommand({ ...pool, Username: email }))).Enabled,
    ).toBe(true)
  })

  it('refuses a disabled user’s sign-in, refresh and access token, but not before checking the password', async () => {
    const email = await confirmedUser()
    const tokens = await signIn(email)
    await cognito.send(new AdminDisableUserCommand({ ...pool, Username: email }))
    const disabled = { name: 'NotAuthorizedException', message: 'User is disabled.' }

    await expect(signIn(email)).rejects.toMatchObject(disabled)
    await expect(
      cognito.send(
        new AdminInitiateAuthCommand({
          ...pool,
          ClientId: DEFAULT_CLIENT_ID,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: 'Wr0ng-pass!' },
        }),
      ),
    ).rejects.toMatchObject({ message: 'Incorrect username or password.' })
    await expect(refresh(DEFAULT_CLIENT_ID, tokens.RefreshToken)).rejects.toMatchObject(disabled)
    await expect(
      cognito.send(
        new InitiateAuthCommand({
          ClientId: DEFAULT_CLIENT_ID,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
        }),
      ),
    ).rejects.toMatchObject(disabled)
    await expect(
      cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
    ).rejects.toMatchObject(disabled)
    expect(await callCognito('AdminResetUserPassword', { ...pool, Username: email })).toMatchObject(
      { errorType: 'NotAuthorizedException', body: { message: 'User is disabled.' } },
    )

    // Enabled again, they sign in anew: disabling ended the sessions they had.
    await cognito.send(new AdminEnableUserCommand({ ...pool, Username: email }))
    await expect(refresh(DEFAULT_CLIENT_ID, tokens.RefreshToken)).rejects.toMatchObject({
      message: 'Refresh Token has been revoked',
    })
    await expect(
      cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
    ).rejects.toMatchObject({ message: 'Access Token has been revoked' })
    const again = await signIn(email)
    expect(
      (await cognito.send(new GetUserCommand({ AccessToken: again.AccessToken }))).Username,
    ).toBeTruthy()
  })

  it('answers UserNotFoundException for a user it does not have', async () => {
    await expect(
      cognito.send(new AdminDisableUserCommand({ ...pool, Username: uniqueEmail() })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' })
    await expect(
      cognito.send(new AdminEnableUserCommand({ ...pool, Username: uniqueEmail() })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' })
  })
})
