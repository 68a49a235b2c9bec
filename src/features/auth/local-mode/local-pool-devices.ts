import { env, type DeviceMode } from '@/config/env'

/**
 * Local mode only: how the emulator's pool remembers devices, from its
 * DeviceConfiguration (DescribeUserPool, which the emulator answers unsigned),
 * so trying a configuration with `--devices` or the AWS CLI needs no rebuild.
 * Against AWS this admin call isn't possible from a browser: VITE_DEVICES says it instead.
 */
export async function readLocalPoolDevices(): Promise<DeviceMode> {
  const response = await fetch(env().cognitoEndpoint ?? '', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPool',
    },
    body: JSON.stringify({ UserPoolId: env().userPoolId }),
  })
  if (!response.ok) throw new Error(`DescribeUserPool answered ${response.status}`)
  const { UserPool } = (await response.json()) as {
    UserPool?: { DeviceConfiguration?: { DeviceOnlyRememberedOnUserPrompt?: boolean } | null }
  }
  const config = UserPool?.DeviceConfiguration
  if (!config) return 'off'
  return config.DeviceOnlyRememberedOnUserPrompt ? 'prompt' : 'always'
}
