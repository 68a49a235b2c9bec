import { readFileSync } from 'node:fs'
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { DeployError } from './errors.ts'
import { writeSettings } from './settings.ts'
import { deployStack, type StackIo } from './stack.ts'

const TEMPLATE = new URL('../../infra/app-client.yaml', import.meta.url)

/** The pool's region is the prefix of its id: us-east-2_AbC123xyz. */
export function poolRegion(userPoolId: string): string {
  const region = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9a-zA-Z]+$/.exec(userPoolId)?.[1]
  if (!region) {
    throw new DeployError(
      `--user-pool-id ${userPoolId} is not a user pool id (like us-east-2_AbC123xyz).`,
    )
  }
  return region
}

/**
 * Deploys infra/app-client.yaml on the existing pool (in the pool's region,
 * see main.ts) and writes the pool and client ids into the env file the build reads.
 */
export async function deployAppClient(
  cfn: CloudFormationClient,
  settings: { stack: string; userPoolId: string; envFile: string },
  io: StackIo,
): Promise<void> {
  const { stack, userPoolId, envFile } = settings
  const outputs = await deployStack(
    cfn,
    {
      name: stack,
      templateBody: readFileSync(TEMPLATE, 'utf8'),
      parameters: { UserPoolId: userPoolId },
    },
    io,
  )
  if (io.dryRun) {
    io.log(`Would write VITE_USER_POOL_ID and VITE_USER_POOL_CLIENT_ID to ${envFile}.`)
    return
  }
  const clientId = outputs?.ClientId
  if (!clientId)
    throw new DeployError(`Stack ${stack} has no ClientId output: is it an app-client stack?`)
  writeSettings(envFile, { VITE_USER_POOL_ID: userPoolId, VITE_USER_POOL_CLIENT_ID: clientId })
  io.log(`App client ${clientId} on ${userPoolId}: written to ${envFile}.`)
}
