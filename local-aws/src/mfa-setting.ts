/**
 * One way to say how the default pool does MFA when the emulator starts, for
 * trying each configuration locally: `--mfa on:totp,email` (standalone) or
 * `LOCAL_AWS_MFA=optional:totp,sms npm run dev`. It is applied through the
 * emulator's own SetUserPoolMfaConfig, as an administrator would call it.
 */
import { DEFAULT_USER_POOL_ID } from './defaults.ts'
import type { LocalAws } from './local-aws.ts'

const MODES: Record<string, string> = { off: 'OFF', optional: 'OPTIONAL', on: 'ON', required: 'ON' }
const FACTORS = ['totp', 'sms', 'email']

/** "on:totp,email" → SetUserPoolMfaConfig's body; throws a message naming what is wrong. */
export function mfaConfigFromSetting(setting: string): Record<string, unknown> {
  const [mode = '', list = ''] = setting.trim().toLowerCase().split(':')
  const MfaConfiguration = MODES[mode]
  const factors = list ? list.split(',').map((f) => f.trim()) : mode === 'off' ? [] : ['totp']
  const unknown = factors.filter((f) => !FACTORS.includes(f))
  if (!MfaConfiguration || unknown.length > 0) {
    throw new Error(
      `MFA setting "${setting}" is not off, optional[:factors] or on[:factors], factors from ${FACTORS.join(', ')} (e.g. on:totp,email)`,
    )
  }
  return {
    UserPoolId: DEFAULT_USER_POOL_ID,
    MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: factors.includes('totp') },
    ...(factors.includes('sms')
      ? { SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your sign-in code is {####}' } }
      : {}),
    ...(factors.includes('email')
      ? {
          EmailMfaConfiguration: {
            Message: 'Your sign-in code is {####}',
            Subject: 'Sign-in code',
          },
        }
      : {}),
  }
}

export async function applyMfaSetting(localAws: LocalAws, setting: string): Promise<void> {
  const body = mfaConfigFromSetting(setting)
  const response = await localAws.handle(
    new Request(`http://127.0.0.1${localAws.basePath}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.SetUserPoolMfaConfig',
      },
      body: JSON.stringify(body),
    }),
  )
  if (!response?.ok) {
    const message = response ? ((await response.json()) as { message?: string }).message : ''
    throw new Error(`MFA setting "${setting}" was refused: ${message ?? 'no answer'}`)
  }
}
