import { queryOptions } from '@tanstack/react-query'
import { env, type DeviceMode } from '@/config/env'

/** Every query about devices: the pool's setting and the signed-in user's list. */
export const deviceKeys = {
  all: ['devices'] as const,
  policy: () => [...deviceKeys.all, 'policy'] as const,
  /** The signed-in user's devices: per-user, so cleared with the rest of the cache at a session's end. */
  list: () => [...deviceKeys.all, 'list'] as const,
}

async function readMode(): Promise<DeviceMode> {
  // Compile-time constant first, so a production build drops the local-mode module.
  if (import.meta.env.VITE_LOCAL_AWS === 'true' && env().localMode) {
    const { readLocalPoolDevices } = await import('../local-mode/local-pool-devices')
    return readLocalPoolDevices()
  }
  return env().devices
}

/** How the pool remembers devices: from VITE_DEVICES, or in local mode from the emulator. */
export const deviceModeQuery = () =>
  queryOptions({ queryKey: deviceKeys.policy(), queryFn: readMode, staleTime: 0 })

/** The signed-in user's devices (Cognito's ListDevices), with this browser's marked. */
export const devicesQuery = () =>
  queryOptions({
    queryKey: deviceKeys.list(),
    queryFn: async () => (await import('@/lib/devices')).listDevices(),
  })
