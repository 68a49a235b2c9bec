import {
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  type CloudFormationClient,
  type Parameter,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation'
import { DeployError } from './errors.ts'

export interface StackRequest {
  name: string
  templateBody: string
  /** undefined: the stack's current value on an update, the template's default on a create. */
  parameters: Record<string, string | undefined>
  /** For parameters a new stack can't do without: how to give them. */
  requiredToCreate?: Record<string, string>
}

export interface StackIo {
  log: (line: string) => void
  sleep: (ms: number) => Promise<void>
  dryRun: boolean
}

const POLL_MS = 5000

/** States a stack can't be updated from, and what its owner has to do. */
const STUCK: Record<string, string> = {
  ROLLBACK_COMPLETE: 'its creation failed; delete it in the CloudFormation console',
  ROLLBACK_FAILED: 'its creation failed; delete it in the CloudFormation console',
  CREATE_FAILED: 'its creation failed; delete it in the CloudFormation console',
  DELETE_FAILED: 'a deletion failed; delete it in the CloudFormation console',
  UPDATE_FAILED: 'an update failed; see its events in the CloudFormation console',
  UPDATE_ROLLBACK_FAILED: 'continue its rollback in the CloudFormation console',
  IMPORT_ROLLBACK_FAILED: 'continue its rollback in the CloudFormation console',
}

export async function describeStack(
  cfn: CloudFormationClient,
  name: string,
): Promise<Stack | undefined> {
  try {
    return (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]
  } catch (error) {
    if (/does not exist/.test((error as Error).message)) return undefined
    throw error
  }
}

export function outputsOf(stack: Stack): Record<string, string> {
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue ?? '']))
}

/**
 * Creates the stack or updates it, printing its events until it settles, and
 * returns its outputs (null on a dry run of a stack that doesn't exist yet).
 */
export async function deployStack(
  cfn: CloudFormationClient,
  request: StackRequest,
  io: StackIo,
): Promise<Record<string, string> | null> {
  const { name } = request
  const existing = await describeStack(cfn, name)
  const status = existing?.StackStatus ?? ''
  if (STUCK[status]) {
    throw new DeployError(`Stack ${name} is in ${status}: ${STUCK[status]}, then run again.`)
  }
  if (status.endsWith('_IN_PROGRESS')) {
    throw new DeployError(
      `Stack ${name} is busy (${status}): wait until it settles, then run again.`,
    )
  }
  for (const [parameter, how] of Object.entries(request.requiredToCreate ?? {})) {
    if (!existing && request.parameters[parameter] === undefined) {
      throw new DeployError(`Missing setting to create stack ${name}: ${how}.`)
    }
  }
  if (io.dryRun) {
    io.log(
      existing
        ? `Would update stack ${name} (if its template or parameters changed).`
        : `Would create stack ${name}.`,
    )
    return existing ? outputsOf(existing) : null
  }

  const seen = new Set(existing ? (await recentEvents(cfn, name)).map((e) => e.EventId) : [])
  const parameters = Object.entries(request.parameters).flatMap(
    ([ParameterKey, ParameterValue]): Parameter[] =>
      ParameterValue !== undefined
        ? [{ ParameterKey, ParameterValue }]
        : existing?.Parameters?.some((p) => p.ParameterKey === ParameterKey)
          ? [{ ParameterKey, UsePreviousValue: true }]
          : [],
  )
  const input = { StackName: name, TemplateBody: request.templateBody, Parameters: parameters }
  if (!existing) {
    io.log(`Creating stack ${name}...`)
    await cfn.send(new CreateStackCommand(input))
  } else {
    try {
      await cfn.send(new UpdateStackCommand(input))
      io.log(`Updating stack ${name}...`)
    } catch (error) {
      if (!/No updates are to be performed/.test((error as Error).message)) throw error
      io.log(`Stack ${name} is up to date.`)
      return outputsOf(existing)
    }
  }

  const failures: string[] = []
  for (;;) {
    await io.sleep(POLL_MS)
    // The state first: the events read after it include every one up to it.
    const settled = await describeStack(cfn, name)
    const now = settled?.StackStatus ?? 'DELETE_COMPLETE'
    const events = (await recentEvents(cfn, name)).filter((e) => !seen.has(e.EventId)).reverse()
    for (const event of events) {
      seen.add(event.EventId)
      const reason = event.ResourceStatusReason ? ` (${event.ResourceStatusReason})` : ''
      io.log(`  ${event.LogicalResourceId} ${event.ResourceStatus}${reason}`)
      if (event.ResourceStatus?.endsWith('_FAILED') && event.ResourceStatusReason) {
        failures.push(`${event.LogicalResourceId}: ${event.ResourceStatusReason}`)
      }
    }
    if (now.endsWith('_IN_PROGRESS')) continue
    if (now === 'CREATE_COMPLETE' || now === 'UPDATE_COMPLETE') {
      io.log(`Stack ${name}: ${now}.`)
      return outputsOf(settled as Stack)
    }
    throw new DeployError(
      `Stack ${name} ended in ${now}${failures[0] ? `: ${failures[0]}` : ''} (all events in the CloudFormation console).`,
    )
  }
}

async function recentEvents(cfn: CloudFormationClient, name: string): Promise<StackEvent[]> {
  return (await cfn.send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents ?? []
}
