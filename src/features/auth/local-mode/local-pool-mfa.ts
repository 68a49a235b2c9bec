import { env, type MfaMethod, type MfaPolicy } from '@/config/env'

/**
 * Local mode only: the emulator's pool as its administrator configured it
 * (GetUserPoolMfaConfig, which the emulator answers unsigned), so trying a
 * configuration with `--mfa` or the AWS CLI needs no rebuild. Against AWS this
 * admin call isn't possible from a browser: VITE_MFA says it instead.
 */
export async function readLocalPoolMfa(): Promise<MfaPolicy> {
  const response = await fetch(env().cognitoEndpoint ?? '', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.GetUserPoolMfaConfig',
    },
    body: JSON.stringify({ UserPoolId: env().userPoolId }),
  })
  if (!response.ok) throw new Error(`GetUserPoolMfaConfig answered ${response.status}`)
  const body = (await response.json()) as Record<string, unknown>
  const mode = { OFF: 'off', OPTIONAL: 'optional', ON: 'on' }[String(body.MfaConfiguration)]
  const totp = (body.SoftwareTokenMfaConfiguration as { Enabled?: unknown } | undefined)?.Enabled
  const methods: MfaMethod[] = []
  if (totp === true) methods.push('TOTP')
  if (body.SmsMfaConfiguration) methods.push('SMS')
  if (body.EmailMfaConfiguration) methods.push('EMAIL')
  return mode === 'optional' || mode === 'on' ? { mode, methods } : { mode: 'off', methods: [] }
}
