/**
 * One way to say whether the default pool remembers devices when the emulator
 * starts, for trying each configuration locally: `--devices prompt`
 * (standalone) or `LOCAL_AWS_DEVICES=always npm run dev`. It is applied
 * through the emulator's own UpdateUserPool, as an administrator would call it.
 *
 *   off              devices not tracked (a new pool)
 *   always           every confirmed device is remembered
 *   prompt           a device is remembered once the user says so (UpdateDeviceStatus)
 *   …:keep-mfa       a remembered device still asks for the MFA code
 *                    (ChallengeRequiredOnNewDevice false; by default it stands in for it)
 */
import { DEFAULT_USER_POOL_ID } from './defaults.ts'
import type { LocalAws } from './local-aws.ts'

const MODES = ['off', 'always', 'prompt']

/** "prompt" → UpdateUserPool's body; throws a message naming what is wrong. */
export function deviceConfigFromSetting(setting: string): Record<string, unknown> {
  const [mode = '', option, ...rest] = setting.trim().toLowerCase().split(':')
  const valid =
    MODES.includes(mode) &&
    rest.length === 0 &&
    (option === undefined || (option === 'keep-mfa' && mode !== 'off'))
  if (!valid) {
    throw new Error(
      `Device setting "${setting}" is not off, always or prompt, optionally followed by :keep-mfa (e.g. prompt)`,
    )
  }
  return {
    UserPoolId: DEFAULT_USER_POOL_ID,
    DeviceConfiguration:
      mode === 'off'
        ? {}
        : {
            ChallengeRequiredOnNewDevice: option !== 'keep-mfa',
            DeviceOnlyRememberedOnUserPrompt: mode === 'prompt',
          },
  }
}

export async function applyDeviceSetting(localAws: LocalAws, setting: string): Promise<void> {
  const body = deviceConfigFromSetting(setting)
  const response = await localAws.handle(
    new Request(`http://127.0.0.1${localAws.basePath}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.UpdateUserPool',
      },
      body: JSON.stringify(body),
    }),
  )
  if (!response?.ok) {
    const message = response ? ((await response.json()) as { message?: string }).message : ''
    throw new Error(`Device setting "${setting}" was refused: ${message ?? 'no answer'}`)
  }
}
