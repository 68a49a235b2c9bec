/**
 * Mounts the local AWS on the app's own origin, under LOCAL_AWS_BASE_PATH,
 * in `npm run dev` and in `vite preview` (vite.config.ts adds the plugin in
 * local mode only). State persists in LOCAL_AWS_STATE_DIR (default .local-aws);
 * LOCAL_AWS_MFA (e.g. `on:totp,email`) sets how the default pool does MFA,
 * LOCAL_AWS_DEVICES (e.g. `prompt`) whether it remembers devices;
 * LOCAL_AWS_REQUIRED_ATTRIBUTES (e.g. `name,phone_number`) and
 * LOCAL_AWS_CUSTOM_ATTRIBUTES (e.g. `team`) its attribute schema.
 */
import type { Connect, Logger, Plugin, PreviewServer, ViteDevServer } from 'vite'
import { LOCAL_AWS_BASE_PATH } from '../defaults.ts'
import { fileStore } from '../file-store.ts'
import { attributeList } from '../cognito/schema.ts'
import { createLocalAws, type LocalAws } from '../local-aws.ts'
import { applyDeviceSetting } from '../device-setting.ts'
import { applyMfaSetting } from '../mfa-setting.ts'
import { serveWithLocalAws } from './node-http.ts'
import { answerTlsOnSamePort } from './tls-port.ts'

function middleware(localAws: LocalAws, logger: Logger): Connect.NextHandleFunction {
  return (req, res, next) => {
    serveWithLocalAws(localAws, req, res).then(
      (served) => served || next(),
      (error: unknown) => {
        logger.error(`[local-aws] ${error instanceof Error ? error.message : String(error)}`)
        next(error)
      },
    )
  }
}

export function localAwsPlugin(): Plugin {
  const mount = (server: ViteDevServer | PreviewServer) => {
    const logger = server.config.logger
    const stateDir = process.env.LOCAL_AWS_STATE_DIR ?? '.local-aws'
    // A corrupt state file throws here: the server doesn't start, and says why.
    const localAws = createLocalAws({
      store: fileStore(stateDir),
      basePath: LOCAL_AWS_BASE_PATH,
      log: (line) => logger.info(line, { timestamp: true }),
      // Set by playwright.config.ts only: the browser tests move the clock forward.
      clockControl: process.env.LOCAL_AWS_CLOCK_CONTROL === '1',
      schema: {
        requiredAttributes: attributeList(process.env.LOCAL_AWS_REQUIRED_ATTRIBUTES),
        customAttributes: attributeList(process.env.LOCAL_AWS_CUSTOM_ATTRIBUTES),
      },
    })
    logger.info(
      `[local-aws] Cognito and the /projects API at ${LOCAL_AWS_BASE_PATH}, state in ${stateDir}`,
    )
    const mfa = process.env.LOCAL_AWS_MFA
    if (mfa) {
      applyMfaSetting(localAws, mfa).then(
        () => logger.info(`[local-aws] MFA for the default pool: ${mfa}`),
        (error: unknown) =>
          logger.error(`[local-aws] ${error instanceof Error ? error.message : String(error)}`),
      )
    }
    const devices = process.env.LOCAL_AWS_DEVICES
    if (devices) {
      applyDeviceSetting(localAws, devices).then(
        () => logger.info(`[local-aws] devices for the default pool: ${devices}`),
        (error: unknown) =>
          logger.error(`[local-aws] ${error instanceof Error ? error.message : String(error)}`),
      )
    }
    // Registered before Vite's own middlewares, so the SPA fallback never sees these paths.
    server.middlewares.use(middleware(localAws, logger))
    const { httpServer } = server
    if (!httpServer) return // middleware mode: the host's server is not Vite's to change
    httpServer.once('close', () => void localAws.close())
    // Amplify calls the OAuth domain (this origin + /local-aws) over https only.
    if (answerTlsOnSamePort(httpServer, localAws, (line) => logger.error(line))) {
      logger.info('[local-aws] also over https on the same port, with a certificate made at start')
    }
  }
  return { name: 'local-aws', configureServer: mount, configurePreviewServer: mount }
}
