/**
 * TLS on a plain-http server's own port, for the emulator only. Amplify v6
 * calls the pool's domain over https:// whatever the app's scheme, and the app
 * gives it `${location.host}/local-aws` as the domain: so the emulator must
 * answer TLS where the app answers http. Each new connection's first byte
 * decides: 0x16 (a TLS handshake) goes to an https server with a certificate
 * generated at start for localhost, 127.0.0.1 and ::1, anything else to the http
 * server as before (Vite's pages, its HMR websocket). Shared by the Vite
 * plugin and the standalone server. Node only; never in the app's bundle.
 *
 * Not @httptoolkit/httpolyglot: it brings its own server, and the Vite plugin
 * has to add TLS to the server Vite already made.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Server, Socket } from 'node:net'
import { Server as TlsServer } from 'node:tls'
import type { LocalAws } from '../local-aws.ts'
import { serveWithLocalAws } from './node-http.ts'

const TLS_HANDSHAKE = 0x16

/** Node's own listener, the same function on every http.Server: it parses a connection's requests. */
const parseHttp = createHttpServer().listeners('connection')[0] as (
  this: Server,
  socket: Socket,
) => void

async function certificate() {
  // Loaded here, while the server starts, rather than before it (a tenth of a second).
  const { generate } = await import('selfsigned')
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec', // a P-256 key is made in milliseconds, an RSA one can take a second
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

/** Calls `then` with the connection's first byte, left in place for whoever reads it next. */
function peekFirstByte(socket: Socket, then: (byte: number) => void) {
  const chunk = socket.read(1) as Buffer | null
  if (!chunk) {
    // Nothing yet (or the connection ended: then 'readable' never comes, and the socket just closes).
    socket.once('readable', () => peekFirstByte(socket, then))
    return
  }
  socket.unshift(chunk)
  then(chunk[0] ?? 0)
}

async function serveOverTls(
  localAws: LocalAws,
  req: IncomingMessage,
  res: ServerResponse,
  logError: (line: string) => void,
) {
  const host = req.headers.host ?? 'localhost'
  try {
    // As if it had come over http to the same host and port: one issuer for the
    // tokens, so those from /oauth2/token here and those the app refreshes over
    // http are alike, and the /projects authorizer accepts both.
    if (await serveWithLocalAws(localAws, req, res, { origin: `http://${host}` })) return
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    const where = localAws.basePath ? ` (under ${localAws.basePath})` : ''
    res.end(
      `Over https this port answers the local AWS emulator only${where}; all else is at http://${host}/\n`,
    )
  } catch (error) {
    logError(`[local-aws] ${error instanceof Error ? error.message : String(error)}`)
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Internal error in the local AWS emulator\n')
  }
}

/**
 * Makes `server` (plain http, not yet listening or already) also answer TLS
 * connections on its port, with the emulator. Returns false, changing
 * nothing, when the server is already https or has no http listener.
 */
export function answerTlsOnSamePort(
  server: Server,
  localAws: LocalAws,
  logError: (line: string) => void,
): boolean {
  if (server instanceof TlsServer || !server.listeners('connection').includes(parseHttp)) {
    return false
  }
  const https = certificate().then(({ key, cert }) =>
    createHttpsServer({ key, cert }, (req, res) => void serveOverTls(localAws, req, res, logError)),
  )
  https.catch((error: unknown) =>
    logError(`[local-aws] no TLS: ${error instanceof Error ? error.message : String(error)}`),
  )
  // In Node's place, so listeners added to the server (Vite's, closing every
  // socket when it stops) still see every connection, TLS ones included.
  server.removeListener('connection', parseHttp)
  server.prependListener('connection', (socket: Socket) => {
    // Until the http or TLS server takes the socket, its errors (a reset) end it quietly.
    const ignore = () => socket.destroy()
    socket.on('error', ignore)
    const handOver = (to: () => void) => {
      socket.removeListener('error', ignore)
      if (!socket.destroyed) to()
    }
    peekFirstByte(socket, (byte) => {
      if (byte !== TLS_HANDSHAKE) handOver(() => parseHttp.call(server, socket))
      else https.then((tls) => handOver(() => tls.emit('connection', socket)), ignore)
    })
  })
  return true
}
