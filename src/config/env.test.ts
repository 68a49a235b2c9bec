import { describe, expect, it } from 'vitest'
import { env, EnvError, parseEnv, passwordless } from './env'

const aws = {
  VITE_USER_POOL_ID: 'us-east-2_AbC123xyz',
  VITE_USER_POOL_CLIENT_ID: '1example23456789',
  VITE_API_URL: '/dev_1/',
}

describe('parseEnv', () => {
  it('reads a real pool with defaults for the optional settings', () => {
    expect(parseEnv(aws, 'https://app.example.com')).toEqual({
      localMode: false,
      userPoolId: 'us-east-2_AbC123xyz',
      userPoolClientId: '1example23456789',
      cognitoEndpoint: undefined,
      apiUrl: '/dev_1',
      authFlow: 'USER_SRP_AUTH',
      apiAuthScheme: 'raw',
      localInboxUrl: undefined,
      signInMethods: ['password'],
      mfa: { mode: 'off', methods: [] },
      devices: 'off',
    })
  })

  it('reads the sign-in methods in a fixed order, and passwordless only when more than passwords', () => {
    const parsed = parseEnv({ ...aws, VITE_SIGN_IN_METHODS: ' Password, passkey,email-code ' })
    expect(parsed.signInMethods).toEqual(['passkey', 'email-code', 'password'])
    expect(passwordless(parsed)).toBe(true)
    expect(passwordless(parseEnv(aws))).toBe(false)
  })

  it('reads the pool’s MFA settings, authenticator app by default', () => {
    expect(parseEnv({ ...aws, VITE_MFA: 'on' }).mfa).toEqual({ mode: 'on', methods: ['TOTP'] })
    expect(parseEnv({ ...aws, VITE_MFA: 'Optional', VITE_MFA_METHODS: 'email, totp' }).mfa).toEqual(
      { mode: 'optional', methods: ['EMAIL', 'TOTP'] },
    )
  })

  it('reads how the pool remembers devices', () => {
    expect(parseEnv({ ...aws, VITE_DEVICES: 'Prompt' }).devices).toBe('prompt')
    expect(parseEnv({ ...aws, VITE_DEVICES: 'always' }).devices).toBe('always')
  })

  it('resolves a Cognito endpoint given as a path against the app origin', () => {
    const parsed = parseEnv(
      { ...aws, VITE_COGNITO_ENDPOINT: '/local-aws' },
      'http://127.0.0.1:5173',
    )
    expect(parsed.cognitoEndpoint).toBe('http://127.0.0.1:5173/local-aws')
  })

  it.each([
    [{ ...aws, VITE_USER_POOL_ID: '' }, /VITE_USER_POOL_ID is not set/],
    [
      { ...aws, VITE_USER_POOL_ID: 'not-a-pool' },
      /VITE_USER_POOL_ID "not-a-pool" is not a user pool id/,
    ],
    [{ ...aws, VITE_USER_POOL_CLIENT_ID: undefined }, /VITE_USER_POOL_CLIENT_ID is not set/],
    [{ ...aws, VITE_API_URL: ' ' }, /VITE_API_URL is not set/],
    [{ ...aws, VITE_AUTH_FLOW: 'CUSTOM_AUTH' }, /VITE_AUTH_FLOW must be/],
    [{ ...aws, VITE_API_AUTH_SCHEME: 'basic' }, /VITE_API_AUTH_SCHEME must be/],
    [{ ...aws, VITE_SIGN_IN_METHODS: 'passkey,sms' }, /VITE_SIGN_IN_METHODS lists .* not "sms"/],
    [{ ...aws, VITE_SIGN_IN_METHODS: 'passkey' }, /needs email-code or password besides passkey/],
    [{ ...aws, VITE_MFA: 'required' }, /VITE_MFA must be off, optional or on/],
    [{ ...aws, VITE_DEVICES: 'on' }, /VITE_DEVICES must be off, always or prompt, not "on"/],
    [{ ...aws, VITE_MFA: 'on', VITE_MFA_METHODS: 'totp,push' }, /not "push"/],
  ])('names the setting to fix: %j', (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(EnvError)
    expect(() => parseEnv(raw)).toThrow(message)
  })

  it('runs the tests in local mode, against the emulator on the app origin', () => {
    expect(env().localMode).toBe(true)
    expect(env().cognitoEndpoint).toBe(`${location.origin}/local-aws`)
    expect(env().apiUrl).toBe('/local-aws/dev_1')
  })
})
