/**
 * A software passkey authenticator for Node tests: it makes real ES256
 * credentials ("none" attestation) and signs real assertions, in the JSON
 * forms browsers hand to Amplify, so the emulator's verification by
 * @simplewebauthn/server is exercised without a browser. It holds resident
 * keys and answers for whichever origin the test says the page is on.
 */
import { isoCBOR } from '@simplewebauthn/server/helpers'
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const fromB64url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'))
const sha256 = async (data: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>))
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
const uint32 = (n: number) =>
  new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])

/** WebCrypto's raw r‖s signature as the DER sequence WebAuthn carries. */
function derSignature(raw: Uint8Array) {
  const integer = (bytes: Uint8Array) => {
    let start = 0
    while (start < bytes.length - 1 && bytes[start] === 0) start++
    let value = bytes.slice(start)
    if (value[0]! & 0x80) value = concat(new Uint8Array([0]), value)
    return concat(new Uint8Array([0x02, value.length]), value)
  }
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)))
  return concat(new Uint8Array([0x30, body.length]), body)
}

interface SoftCredential {
  id: Uint8Array
  rpId: string
  userHandle: string
  keys: CryptoKeyPair
  counter: number
}

const FLAG_UP = 0x01
const FLAG_UV = 0x04
const FLAG_AT = 0x40

export interface SoftAuthenticator {
  readonly credentials: SoftCredential[]
  create(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
  ): Promise<RegistrationResponseJSON>
  get(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
  ): Promise<AuthenticationResponseJSON>
}

/** `verifiesUser: false` models a key without PIN or biometrics (UV flag clear). */
export function softAuthenticator({ verifiesUser = true } = {}): SoftAuthenticator {
  const credentials: SoftCredential[] = []
  const flags = (extra = 0) => FLAG_UP | (verifiesUser ? FLAG_UV : 0) | extra

  return {
    credentials,
    async create(options, origin) {
      const rpId = options.rp.id ?? new URL(origin).hostname
      const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair
      const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey)
      const id = crypto.getRandomValues(new Uint8Array(16))
      const cose = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, fromB64url(jwk.x!)],
          [-3, fromB64url(jwk.y!)],
        ]),
      )
      const authData = concat(
        await sha256(new TextEncoder().encode(rpId)),
        new Uint8Array([flags(FLAG_AT)]),
        uint32(0),
        new Uint8Array(16), // AAGUID: none
        new Uint8Array([0, id.length]),
        id,
        cose,
      )
      const clientDataJSON = new TextEncoder().encode(
        JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin }),
      )
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', authData],
        ]),
      )
      credentials.push({ id, rpId, userHandle: options.user.id, keys, counter: 0 })
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientDataJSON),
          attestationObject: b64url(attestationObject),
          authenticatorData: b64url(authData),
          publicKeyAlgorithm: -7,
          transports: ['internal'],
        },
      }
    },
    async get(options, origin) {
      const rpId = options.rpId ?? new URL(origin).hostname
      const allowed = options.allowCredentials?.map((c) => c.id) ?? []
      const credential = credentials.find(
        (c) => c.rpId === rpId && (allowed.length === 0 || allowed.includes(b64url(c.id))),
      )
      if (!credential) throw new Error('NotAllowedError: no passkey for this site')
      credential.counter += 1
      const authData = concat(
        await sha256(new TextEncoder().encode(rpId)),
        new Uint8Array([flags()]),
        uint32(credential.counter),
      )
      const clientDataJSON = new TextEncoder().encode(
        JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin }),
      )
      const signed = concat(authData, await sha256(clientDataJSON))
      const raw = new Uint8Array(
        await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          credential.keys.privateKey,
          signed as Uint8Array<ArrayBuffer>,
        ),
      )
      return {
        id: b64url(credential.id),
        rawId: b64url(credential.id),
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authData),
          signature: b64url(derSignature(raw)),
          userHandle: credential.userHandle,
        },
      }
    },
  }
}
