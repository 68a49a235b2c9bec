/**
 * The local AWS as its own HTTP server (https too, on the same port), for the
 * AWS CLI, curl or another app:
 *   npx local-aws --port 4566 [--host 127.0.0.1] [--state DIR | --in-memory] [--mfa on:totp,email] [--devices prompt]
 *     [--required-attributes name,phone_number] [--custom-attributes team]
 * Once listening it prints exactly one JSON line on stdout (endpoints and ids);
 * everything else goes to stderr. Stops cleanly on SIGINT/SIGTERM.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { serveWithLocalAws } from './adapters/node-http.ts'
import { answerTlsOnSamePort } from './adapters/tls-port.ts'
import { fileStore } from './file-store.ts'
import { attributeList, checkedSchema } from './cognito/schema.ts'
import { createLocalAws } from './local-aws.ts'
import { applyDeviceSetting, deviceConfigFromSetting } from './device-setting.ts'
import { applyMfaSetting, mfaConfigFromSetting } from './mfa-setting.ts'
import { memoryStore } from './state.ts'

const log = (line: string) => process.stderr.write(`${line}\n`)

const HELP = `Usage: local-aws [options]

A local Amazon Cognito user pool and the /projects API behind its authorizer,
on one HTTP server, which also answers https on the same port (with a
certificate made at start) as the pool's OAuth domain. Once listening it
prints one JSON line on stdout (its endpoints and ids); its log, with the
codes it "sends", goes to stderr.

Options:
  --port N       port to listen on (default 4566; 0 picks a free one)
  --host ADDR    address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --state DIR    keep users, keys, projects and the inbox in DIR/state.json
                 (default: $LOCAL_AWS_STATE_DIR, else .local-aws in the
                 current folder)
  --in-memory    keep nothing once it stops (--state is then ignored)
  --mfa SETTING  the default pool's MFA at start-up: off, optional[:FACTORS]
                 or on[:FACTORS], FACTORS from totp, sms, email (default
                 totp), e.g. --mfa on:totp,email
  --devices SET  whether the default pool remembers devices: off, always or
                 prompt (once the user says so), optionally :keep-mfa (a
                 remembered device still asks for the MFA code), e.g.
                 --devices prompt
  --required-attributes LIST
                 standard attributes the default pool requires at sign-up,
                 e.g. name,phone_number (default: $LOCAL_AWS_REQUIRED_ATTRIBUTES)
  --custom-attributes LIST
                 the default pool's custom attributes, e.g. team,plan (as
                 custom:team, custom:plan; default: $LOCAL_AWS_CUSTOM_ATTRIBUTES)
  -h, --help     print this and exit

Ctrl-C or SIGTERM stops it after the request in progress.
`

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      state: { type: 'string', default: process.env.LOCAL_AWS_STATE_DIR ?? '.local-aws' },
      'in-memory': { type: 'boolean', default: false },
      mfa: { type: 'string' },
      devices: { type: 'string' },
      'required-attributes': { type: 'string', default: process.env.LOCAL_AWS_REQUIRED_ATTRIBUTES },
      'custom-attributes': { type: 'string', default: process.env.LOCAL_AWS_CUSTOM_ATTRIBUTES },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return { help: true as const }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port must be a number from 0 to 65535 (0 picks a free port), not "${values.port}"`,
    )
  }
  // Each says what is wrong before starting.
  if (values.mfa !== undefined) mfaConfigFromSetting(values.mfa)
  if (values.devices !== undefined) deviceConfigFromSetting(values.devices)
  const required = attributeList(values['required-attributes'])
  const custom = attributeList(values['custom-attributes'])
  const schema =
    required.length + custom.length > 0
      ? checkedSchema({ requiredAttributes: required, customAttributes: custom })
      : undefined
  return {
    schema,
    help: false as const,
    port,
    host: values.host,
    stateDir: values.state,
    inMemory: values['in-memory'],
    mfa: values.mfa,
    devices: values.devices,
  }
}

async function main() {
  const parsed = options()
  if (parsed.help) {
    process.stdout.write(HELP)
    return
  }
  const { port, host, stateDir, inMemory, mfa, devices, schema } = parsed
  const localAws = createLocalAws({
    store: inMemory ? memoryStore() : fileStore(stateDir),
    log,
    ...(schema ? { schema } : {}),
  })
  if (schema) {
    log(
      `[local-aws] the default pool requires ${['email', ...schema.requiredAttributes].join(', ')}${schema.customAttributes.length ? `; custom attributes ${schema.customAttributes.map((a) => `custom:${a}`).join(', ')}` : ''}`,
    )
  }
  if (mfa !== undefined) {
    await applyMfaSetting(localAws, mfa)
    log(`[local-aws] MFA for the default pool: ${mfa}`)
  }
  if (devices !== undefined) {
    await applyDeviceSetting(localAws, devices)
    log(`[local-aws] devices for the default pool: ${devices}`)
  }
  const server = createServer((req, res) => {
    serveWithLocalAws(localAws, req, res)
      .then((served) => {
        if (served) return
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: `Nothing here: ${req.method} ${req.url}` }))
      })
      .catch((error: unknown) => {
        log(`[local-aws] ${error instanceof Error ? error.message : String(error)}`)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'Internal error in the local AWS emulator' }))
      })
  })

  // An app's OAuth domain can then be this host:port: Amplify calls it over https only.
  const tls = answerTlsOnSamePort(server, localAws, log)

  server.on('error', (error) => {
    log(`[local-aws] can't listen on ${host}:${port}: ${error.message}`)
    process.exit(1)
  })
  server.listen(port, host, () => {
    const address = server.address() as AddressInfo
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
    const origin = `http://${hostPart}:${address.port}`
    process.stdout.write(`${JSON.stringify(localAws.config(origin))}\n`)
    log(`[local-aws] listening on ${origin}, state ${inMemory ? 'in memory' : `in ${stateDir}`}`)
    if (tls) log('[local-aws] also over https on the same port, with a certificate made at start')
  })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log(`[local-aws] ${signal}: stopping`)
    server.close()
    server.closeAllConnections()
    localAws.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  log(`[local-aws] ${error instanceof Error ? error.message : String(error)}`)
  // parseArgs's own errors (an unknown flag, a missing value) say nothing of the others.
  if ((error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')) {
    log('[local-aws] local-aws --help lists its options')
  }
  process.exit(1)
})
