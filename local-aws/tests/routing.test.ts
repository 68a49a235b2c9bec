// @vitest-environment node
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../src/defaults.ts'
import { createLocalAws } from '../src/local-aws.ts'
import {
  COGNITO_ENDPOINT,
  cognito,
  createUser,
  latestCode,
  localAws as testLocalAws,
  resetLocalAws,
  signIn,
} from './emulator.ts'

const ORIGIN = 'http://localhost:3000'
const PASSWORD = 'Correct-horse-1'

function signUp(localAws: ReturnType<typeof createLocalAws>, email: string) {
  return localAws.handle(
    new Request(`${ORIGIN}/local-aws`, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
        origin: 'http://elsewhere.example',
      },
      body: JSON.stringify({
        ClientId: DEFAULT_CLIENT_ID,
        Username: email,
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    }),
  )
}

const get = async (localAws: ReturnType<typeof createLocalAws>, path: string) =>
  localAws.handle(new Request(`${ORIGIN}${path}`))

describe('the emulator’s routes', () => {
  it('logs each code in the documented format, and keeps the inbox newest last', async () => {
    const lines: string[] = []
    const localAws = createLocalAws({ basePath: '/local-aws', log: (line) => lines.push(line) })
    await signUp(localAws, 'ada@example.com')
    await signUp(localAws, 'bob@example.com')
    const inbox = (await (await get(localAws, '/local-aws/inbox'))!.json()) as {
      to: string
      code: string
    }[]
    expect(inbox.map((entry) => entry.to)).toEqual(['ada@example.com', 'bob@example.com'])
    expect(lines).toContain(`[local-aws] confirmation code for ada@example.com: ${inbox[0]?.code}`)
    expect(lines).toContain(`[local-aws] confirmation code for bob@example.com: ${inbox[1]?.code}`)

    const bobs = (await (await get(
      localAws,
      '/local-aws/inbox?to=bob@example.com',
    ))!.json()) as unknown[]
    expect(bobs).toEqual([
      expect.objectContaining({ to: 'bob@example.com', kind: 'sign-up', code: inbox[1]?.code }),
    ])
  })

  it('logs a choice-based sign-in code as a sign-in code, not as a confirmation code', async () => {
    const lines: string[] = []
    resetLocalAws({ log: (line) => lines.push(line) })
    const email = 'ada@example.com'
    await cognito('UpdateUserPool', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
    })
    await cognito('SignUp', {
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    })
    const confirmation = latestCode(email)
    await cognito('ConfirmSignUp', {
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      ConfirmationCode: confirmation,
    })
    await cognito('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    })
    const signInCode = latestCode(email)
    expect(signInCode).toMatch(/^\d{8}$/)
    expect(lines).toContain(`[local-aws] confirmation code for ${email}: ${confirmation}`)
    expect(lines).toContain(`[local-aws] sign-in code for ${email}: ${signInCode}`)
    expect(lines).not.toContain(`[local-aws] confirmation code for ${email}: ${signInCode}`)
  })

  it('answers browsers on any origin for Cognito, as the real endpoint does', async () => {
    const localAws = createLocalAws({ basePath: '/local-aws', log: () => {} })
    const preflight = await localAws.handle(
      new Request(`${ORIGIN}/local-aws`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://elsewhere.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent',
        },
      }),
    )
    expect(preflight?.status).toBe(200)
    expect(preflight?.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight?.headers.get('access-control-allow-headers')).toContain('x-amz-target')
    const answer = await signUp(localAws, 'ada@example.com')
    expect(answer?.status).toBe(200)
    expect(answer?.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('publishes the keys that verify its IdTokens, under the issuer', async () => {
    await createUser({ email: 'ada@example.com', password: PASSWORD })
    const { IdToken } = await signIn('ada@example.com', PASSWORD)
    const issuer = `${COGNITO_ENDPOINT}/${DEFAULT_USER_POOL_ID}`
    const config = (await (await get(
      testLocalAws(),
      `/local-aws/${DEFAULT_USER_POOL_ID}/.well-known/openid-configuration`,
    ))!.json()) as Record<string, string>
    expect(config.issuer).toBe(issuer)
    expect(config.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`)
    const jwks = (await (await get(
      testLocalAws(),
      `/local-aws/${DEFAULT_USER_POOL_ID}/.well-known/jwks.json`,
    ))!.json()) as JSONWebKeySet
    const { payload } = await jwtVerify(IdToken, createLocalJWKSet(jwks), {
      issuer,
      audience: DEFAULT_CLIENT_ID,
    })
    expect(payload.email).toBe('ada@example.com')
  })

  it('leaves requests outside its paths to the next handler, and mimics API Gateway inside its stage', async () => {
    const localAws = createLocalAws({ basePath: '/local-aws', log: () => {} })
    expect(await get(localAws, '/projects')).toBeNull()
    expect(await get(localAws, '/local-awsome/inbox')).toBeNull()
    expect(await get(localAws, '/local-aws/unknown')).toBeNull()
    expect(await get(localAws, '/local-aws')).toBeNull() // a GET is not a Cognito call
    const missing = await get(localAws, '/local-aws/dev_1/users')
    expect(missing?.status).toBe(403)
    expect(await missing?.json()).toEqual({ message: 'Missing Authentication Token' })
  })

  it('tells a client where to find it', () => {
    expect(createLocalAws({ basePath: '/local-aws/' }).config('http://127.0.0.1:5173/')).toEqual({
      cognitoEndpoint: 'http://127.0.0.1:5173/local-aws',
      userPoolId: DEFAULT_USER_POOL_ID,
      clientId: DEFAULT_CLIENT_ID,
      apiUrl: 'http://127.0.0.1:5173/local-aws/dev_1',
      inboxUrl: 'http://127.0.0.1:5173/local-aws/inbox',
    })
  })

  it('refuses requests once closed', async () => {
    const localAws = createLocalAws({ log: () => {} })
    await localAws.close()
    await expect(localAws.handle(new Request(`${ORIGIN}/inbox`))).rejects.toThrow('closed')
  })
})
