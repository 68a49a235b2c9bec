// @vitest-environment node
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import { fetchUserAttributes, signIn, signOut, signUp } from 'aws-amplify/auth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLocalAws } from '../src/local-aws.ts'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID, LOCAL_REGION } from '../src/defaults.ts'
import { PASSWORD } from './cognito-harness.ts'
import { COGNITO_ENDPOINT, cognito, latestCode, resetLocalAws } from './emulator.ts'

const sdk = new CognitoIdentityProviderClient({
  endpoint: COGNITO_ENDPOINT,
  region: LOCAL_REGION,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
})
const pool = { UserPoolId: DEFAULT_USER_POOL_ID }
const attributes = (values: Record<string, string>) =>
  Object.entries(values).map(([Name, Value]) => ({ Name, Value }))

describe('a pool that requires attributes at sign-up', () => {
  beforeEach(() => {
    resetLocalAws({
      schema: { requiredAttributes: ['name', 'phone_number'], customAttributes: ['team'] },
    })
  })

  it('refuses SignUp and AdminCreateUser without them, with Cognito’s message naming each', async () => {
    const missingBoth = {
      name: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: name: The attribute is required\nphone_number: The attribute is required\n',
    }
    await expect(
      sdk.send(
        new SignUpCommand({
          ClientId: DEFAULT_CLIENT_ID,
          Username: 'ada@example.com',
          Password: PASSWORD,
          UserAttributes: attributes({ email: 'ada@example.com' }),
        }),
      ),
    ).rejects.toMatchObject(missingBoth)
    await expect(
      sdk.send(
        new AdminCreateUserCommand({
          ...pool,
          Username: 'ada@example.com',
          UserAttributes: attributes({ name: 'Ada' }),
        }),
      ),
    ).rejects.toMatchObject({
      message:
        'Attributes did not conform to the schema: phone_number: The attribute is required\n',
    })
    await expect(
      sdk.send(
        new SignUpCommand({
          ClientId: DEFAULT_CLIENT_ID,
          Username: 'ada@example.com',
          Password: PASSWORD,
          UserAttributes: attributes({ name: 'Ada', phone_number: '+1555555', 'custom:role': 'x' }),
        }),
      ),
    ).rejects.toMatchObject({
      message:
        'Attributes did not conform to the schema: custom:role: Attribute does not exist in the schema.\n',
    })
    await expect(
      sdk.send(
        new SignUpCommand({
          ClientId: DEFAULT_CLIENT_ID,
          Username: 'ada@example.com',
          Password: PASSWORD,
          UserAttributes: attributes({ name: 'Ada', phone_number: '555 0123' }),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid phone number format.',
    })
    expect(latestCodeOrNone('ada@example.com')).toBeUndefined()
  })

  it('keeps them, custom ones included, and returns them from GetUser and AdminGetUser (Amplify)', async () => {
    Amplify.configure({
      Auth: {
        Cognito: {
          userPoolId: DEFAULT_USER_POOL_ID,
          userPoolClientId: DEFAULT_CLIENT_ID,
          userPoolEndpoint: COGNITO_ENDPOINT,
        },
      },
    })
    const email = 'grace@example.com'
    await signUp({
      username: email,
      password: PASSWORD,
      options: {
        userAttributes: {
          email,
          name: 'Grace Hopper',
          phone_number: '+15555550123',
          'custom:team': 'Navy',
        },
      },
    })
    await cognito('ConfirmSignUp', {
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      ConfirmationCode: latestCode(email),
    })
    await signIn({ username: email, password: PASSWORD })
    expect(await fetchUserAttributes()).toMatchObject({
      email,
      name: 'Grace Hopper',
      phone_number: '+15555550123',
      'custom:team': 'Navy',
    })
    await signOut()
    const got = await sdk.send(new AdminGetUserCommand({ ...pool, Username: email }))
    expect(got.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'name', Value: 'Grace Hopper' },
        { Name: 'custom:team', Value: 'Navy' },
      ]),
    )
  })

  it('describes the schema: which attributes are required, and the custom ones', async () => {
    const { UserPool } = await sdk.send(new DescribeUserPoolCommand(pool))
    const required = UserPool?.SchemaAttributes?.filter((a) => a.Required).map((a) => a.Name)
    expect(required).toEqual(['sub', 'email', 'name', 'phone_number'])
    expect(UserPool?.SchemaAttributes).toContainEqual(
      expect.objectContaining({ Name: 'custom:team', Required: false }),
    )
  })
})

describe('the schema setting', () => {
  afterEach(() => resetLocalAws())

  it('applies from start-up on, and a pool started without it requires e-mail only', async () => {
    const signUpAda = () =>
      cognito('SignUp', {
        ClientId: DEFAULT_CLIENT_ID,
        Username: 'ada@example.com',
        Password: PASSWORD,
      })
    resetLocalAws({ schema: { requiredAttributes: ['given_name'] } })
    await expect(signUpAda()).rejects.toThrow('given_name: The attribute is required')
    resetLocalAws()
    await expect(signUpAda()).resolves.toMatchObject({ UserConfirmed: false })
    // A custom attribute the pool doesn't define is refused even then, as on AWS.
    await expect(
      cognito('SignUp', {
        ClientId: DEFAULT_CLIENT_ID,
        Username: 'bob@example.com',
        Password: PASSWORD,
        UserAttributes: attributes({ 'custom:team': 'x' }),
      }),
    ).rejects.toThrow('custom:team: Attribute does not exist in the schema.')
  })

  it('refuses, at start-up, a required custom attribute and a name Cognito doesn’t have', () => {
    expect(() => createLocalAws({ schema: { requiredAttributes: ['custom:team'] } })).toThrow(
      "custom:team can't be required",
    )
    expect(() => createLocalAws({ schema: { requiredAttributes: ['first_name'] } })).toThrow(
      'first_name is not a standard attribute',
    )
  })
})

function latestCodeOrNone(email: string) {
  try {
    return latestCode(email)
  } catch {
    return undefined
  }
}
