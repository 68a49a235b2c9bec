/**
 * Just enough of a browser's WebAuthn surface (navigator.credentials and the
 * PublicKeyCredential classes Amplify checks with instanceof) over the
 * software authenticator, so Amplify's own passkey code runs in Node against
 * the emulator. The browser tests do the same with Chromium's virtual
 * authenticator; this keeps the emulator's proof fast and offline.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'
import type { SoftAuthenticator } from './soft-authenticator.ts'

const toB64url = (value: BufferSource) =>
  Buffer.from(
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
  ).toString('base64url')
const toBuffer = (text: string) => {
  const bytes = Buffer.from(text, 'base64url')
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
}

class AuthenticatorAttestationResponse {
  constructor(private readonly json: RegistrationResponseJSON['response']) {}
  get clientDataJSON() {
    return toBuffer(this.json.clientDataJSON)
  }
  get attestationObject() {
    return toBuffer(this.json.attestationObject)
  }
  getTransports() {
    return this.json.transports ?? []
  }
  getPublicKeyAlgorithm() {
    return this.json.publicKeyAlgorithm ?? -7
  }
  getAuthenticatorData() {
    return toBuffer(this.json.authenticatorData ?? '')
  }
  getPublicKey() {
    return null
  }
}

class AuthenticatorAssertionResponse {
  constructor(private readonly json: AuthenticationResponseJSON['response']) {}
  get clientDataJSON() {
    return toBuffer(this.json.clientDataJSON)
  }
  get authenticatorData() {
    return toBuffer(this.json.authenticatorData)
  }
  get signature() {
    return toBuffer(this.json.signature)
  }
  get userHandle() {
    return this.json.userHandle ? toBuffer(this.json.userHandle) : null
  }
}

class PublicKeyCredential {
  readonly type = 'public-key'
  constructor(
    readonly id: string,
    readonly response: AuthenticatorAttestationResponse | AuthenticatorAssertionResponse,
    readonly authenticatorAttachment: string | undefined,
  ) {}
  get rawId() {
    return toBuffer(this.id)
  }
  getClientExtensionResults() {
    return {}
  }
}

interface CreateOptions extends Omit<
  PublicKeyCredentialCreationOptionsJSON,
  'challenge' | 'user' | 'excludeCredentials'
> {
  challenge: BufferSource
  user: { id: BufferSource; name: string; displayName: string }
  excludeCredentials?: { id: BufferSource; type: 'public-key' }[]
}
interface GetOptions extends Omit<
  PublicKeyCredentialRequestOptionsJSON,
  'challenge' | 'allowCredentials'
> {
  challenge: BufferSource
  allowCredentials?: { id: BufferSource; type: 'public-key' }[]
}

/**
 * Installs them in jsdom's window for pages on `origin`; returns a function that removes
 * them. `cancel` makes the next prompt fail as a dismissed browser dialog does.
 */
export function installWebAuthn(authenticator: SoftAuthenticator, origin: string) {
  const state = { cancelNext: false }
  const notAllowed = () =>
    Object.assign(new Error('The operation either timed out or was not allowed.'), {
      name: 'NotAllowedError',
    })
  const credentials = {
    async create({ publicKey }: { publicKey: CreateOptions }) {
      if (state.cancelNext) {
        state.cancelNext = false
        throw notAllowed()
      }
      const json = await authenticator.create(
        {
          ...publicKey,
          challenge: toB64url(publicKey.challenge),
          user: { ...publicKey.user, id: toB64url(publicKey.user.id) },
          excludeCredentials: publicKey.excludeCredentials?.map((c) => ({
            ...c,
            id: toB64url(c.id),
          })),
        },
        origin,
      )
      return new PublicKeyCredential(
        json.id,
        new AuthenticatorAttestationResponse(json.response),
        json.authenticatorAttachment,
      )
    },
    async get({ publicKey }: { publicKey: GetOptions }) {
      if (state.cancelNext) {
        state.cancelNext = false
        throw notAllowed()
      }
      const json = await authenticator
        .get(
          {
            ...publicKey,
            challenge: toB64url(publicKey.challenge),
            allowCredentials: publicKey.allowCredentials?.map((c) => ({
              ...c,
              id: toB64url(c.id),
            })),
          },
          origin,
        )
        .catch(() => {
          throw notAllowed()
        })
      return new PublicKeyCredential(
        json.id,
        new AuthenticatorAssertionResponse(json.response),
        json.authenticatorAttachment,
      )
    },
  }
  // jsdom gives the window and navigator; the WebAuthn parts are ours.
  const globals: Record<string, unknown> = {
    PublicKeyCredential,
    AuthenticatorAttestationResponse,
    AuthenticatorAssertionResponse,
    isSecureContext: true,
  }
  const saved = Object.keys(globals).map(
    (key) => [key, Object.getOwnPropertyDescriptor(window, key)] as const,
  )
  for (const [key, value] of Object.entries(globals)) {
    Object.defineProperty(window, key, { value, configurable: true, writable: true })
  }
  const navigatorCredentials = Object.getOwnPropertyDescriptor(navigator, 'credentials')
  Object.defineProperty(navigator, 'credentials', { value: credentials, configurable: true })
  return {
    cancelNextPrompt() {
      state.cancelNext = true
    },
    uninstall() {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(window, key, descriptor)
        else delete (window as unknown as Record<string, unknown>)[key]
      }
      if (navigatorCredentials)
        Object.defineProperty(navigator, 'credentials', navigatorCredentials)
      else delete (navigator as unknown as Record<string, unknown>).credentials
    },
  }
}
