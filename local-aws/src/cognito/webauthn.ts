/**
 * Passkeys (WebAuthn) as a Cognito user pool keeps them: the pool's
 * relying-party settings, each user's registered credentials, and the checks
 * of attestations and assertions, done by @simplewebauthn/server.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { base64ToBytes, bytesToBase64, utf8 } from './bytes.ts'
import type { PoolRecord, UserRecord } from './data.ts'
import { CognitoError, invalidParameter } from './errors.ts'

export type UserVerification = 'required' | 'preferred'

/** SetUserPoolMfaConfig's WebAuthnConfiguration. */
export interface WebAuthnPoolConfig {
  /** Absent until set: the emulator has no user pool domain to default to. */
  relyingPartyId?: string
  userVerification: UserVerification
}

/** One passkey, as ListWebAuthnCredentials describes it, plus what verification needs. */
export interface StoredCredential {
  /** Base64url, as the browser reports it. */
  id: string
  /** COSE public key, base64url. */
  publicKey: string
  counter: number
  transports: string[]
  friendlyName: string
  relyingPartyId: string
  attachment?: string
  createdAt: number
}

/** A registration started by StartWebAuthnRegistration, waiting for its credential. */
export interface PendingRegistration {
  challenge: string
  expiresAt: number
  /** The app client whose access token started it; only that client may complete it. */
  clientId: string
}

/** Cognito lets a user keep at most 20 passkeys. */
export const MAX_CREDENTIALS = 20
/** How long a WebAuthn challenge (registration or sign-in) may be answered. */
export const WEBAUTHN_CHALLENGE_MS = 3 * 60 * 1000

const USER_VERIFICATION: UserVerification[] = ['required', 'preferred']

export function webAuthnConfig(pool: PoolRecord): WebAuthnPoolConfig {
  return pool.webAuthn ?? { userVerification: 'preferred' }
}

/** Reads SetUserPoolMfaConfig's WebAuthnConfiguration; absent fields keep their values. */
export function applyWebAuthnConfiguration(pool: PoolRecord, value: unknown) {
  if (value === undefined || value === null) return
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter('WebAuthnConfiguration must be an object')
  }
  const { RelyingPartyId, UserVerification } = value as Record<string, unknown>
  const next = { ...webAuthnConfig(pool) }
  if (RelyingPartyId !== undefined) {
    if (typeof RelyingPartyId !== 'string' || !/^[a-z0-9.-]{1,63}$/i.test(RelyingPartyId)) {
      throw invalidParameter('WebAuthnConfiguration.RelyingPartyId must be a domain name')
    }
    next.relyingPartyId = RelyingPartyId.toLowerCase()
  }
  if (UserVerification !== undefined) {
    if (!USER_VERIFICATION.includes(UserVerification as UserVerification)) {
      throw invalidParameter(
        "WebAuthnConfiguration.UserVerification must be 'required' or 'preferred'",
      )
    }
    next.userVerification = UserVerification as UserVerification
  }
  pool.webAuthn = next
}

/** GetUserPoolMfaConfig's WebAuthnConfiguration. */
export function describeWebAuthnConfiguration(pool: PoolRecord) {
  const config = webAuthnConfig(pool)
  return {
    ...(config.relyingPartyId ? { RelyingPartyId: config.relyingPartyId } : {}),
    UserVerification: config.userVerification,
  }
}

function relyingPartyId(pool: PoolRecord): string {
  const id = webAuthnConfig(pool).relyingPartyId
  if (!id) {
    throw new CognitoError(
      'WebAuthnConfigurationMissingException',
      'The user pool has no WebAuthn relying party ID: set WebAuthnConfiguration.RelyingPartyId with SetUserPoolMfaConfig.',
    )
  }
  return id
}

/**
 * The page a credential was made or used on must belong to the relying party:
 * https on the RP id or a subdomain of it, or http on localhost, which
 * browsers treat as a secure context too.
 */
function assertOrigin(origin: string, rpId: string) {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    throw originNotAllowed()
  }
  const host = url.hostname
  const onRp = host === rpId || host.endsWith(`.${rpId}`)
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && (host === 'localhost' || host.endsWith('.localhost')))
  if (!onRp || !secure) throw originNotAllowed()
}

const originNotAllowed = () =>
  new CognitoError(
    'WebAuthnOriginNotAllowedException',
    "The passkey's origin is not allowed for this user pool's relying party.",
  )

function clientDataOf(response: { response?: { clientDataJSON?: unknown } }) {
  const encoded = response.response?.clientDataJSON
  const bytes = typeof encoded === 'string' ? base64urlToBytes(encoded) : null
  if (!bytes) throw invalidParameter('The credential has no readable clientDataJSON')
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
    return { origin: typeof value.origin === 'string' ? value.origin : '' }
  } catch {
    throw invalidParameter('The credential has no readable clientDataJSON')
  }
}

export function base64urlToBytes(text: string) {
  return base64ToBytes(text.replace(/-/g, '+').replace(/_/g, '/'))
}

export function bytesToBase64url(bytes: Uint8Array) {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const credentialsOf = (user: UserRecord): StoredCredential[] =>
  user.webAuthnCredentials ?? []

/** StartWebAuthnRegistration: the options for navigator.credentials.create(). */
export async function registrationOptions(
  pool: PoolRecord,
  user: UserRecord,
  clientId: string,
  now: number,
) {
  const rpID = relyingPartyId(pool)
  if (credentialsOf(user).length >= MAX_CREDENTIALS) {
    throw new CognitoError(
      'LimitExceededException',
      `A user can register at most ${MAX_CREDENTIALS} passkeys.`,
    )
  }
  const options = await generateRegistrationOptions({
    rpName: rpID,
    rpID,
    userName: user.email,
    userDisplayName: user.email,
    userID: utf8(user.username),
    timeout: WEBAUTHN_CHALLENGE_MS,
    attestationType: 'none',
    excludeCredentials: credentialsOf(user).map(({ id, transports }) => ({ id, transports })),
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: webAuthnConfig(pool).userVerification,
    },
  })
  user.webAuthnRegistration = {
    challenge: options.challenge,
    expiresAt: now + WEBAUTHN_CHALLENGE_MS,
    clientId,
  }
  return options
}

/** CompleteWebAuthnRegistration: checks the attestation and keeps the credential. */
export async function completeRegistration(
  pool: PoolRecord,
  user: UserRecord,
  clientId: string,
  credential: unknown,
  now: number,
): Promise<StoredCredential> {
  const pending = user.webAuthnRegistration
  delete user.webAuthnRegistration
  if (!pending || pending.expiresAt <= now) {
    throw new CognitoError(
      'WebAuthnChallengeNotFoundException',
      'No passkey registration is in progress for this user, or it expired: start it again.',
    )
  }
  if (pending.clientId !== clientId) {
    throw new CognitoError(
      'WebAuthnClientMismatchException',
      'The passkey registration was started by another app client.',
    )
  }
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw invalidParameter('Credential must be the JSON form of a PublicKeyCredential')
  }
  const response = credential as RegistrationResponseJSON
  const rpId = relyingPartyId(pool)
  const { origin } = clientDataOf(response)
  assertOrigin(origin, rpId)
  let verified
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: webAuthnConfig(pool).userVerification === 'required',
    })
  } catch (error) {
    throw verificationFailed(error, rpId)
  }
  if (!verified.verified) throw invalidParameter('The passkey registration could not be verified.')
  const info = verified.registrationInfo
  if (credentialsOf(user).some((c) => c.id === info.credential.id)) {
    throw invalidParameter('This passkey is already registered.')
  }
  const stored: StoredCredential = {
    id: info.credential.id,
    publicKey: bytesToBase64url(info.credential.publicKey),
    counter: info.credential.counter,
    transports: response.response.transports ?? [],
    friendlyName: friendlyName(info.aaguid, response.authenticatorAttachment),
    relyingPartyId: rpId,
    createdAt: now,
  }
  if (response.authenticatorAttachment) stored.attachment = response.authenticatorAttachment
  user.webAuthnCredentials = [...credentialsOf(user), stored]
  return stored
}

/**
 * Cognito names a passkey after its provider; the emulator knows no provider
 * list, so it names the kind of authenticator and the start of its AAGUID.
 */
function friendlyName(aaguid: string, attachment: string | undefined) {
  const kind = attachment === 'cross-platform' ? 'Security key' : 'Passkey'
  return /^[0-]*$/.test(aaguid) ? kind : `${kind} ${aaguid.slice(0, 8)}`
}

function verificationFailed(error: unknown, rpId: string) {
  const message = error instanceof Error ? error.message : 'verification failed'
  if (/RP ID/i.test(message)) {
    return new CognitoError(
      'WebAuthnRelyingPartyMismatchException',
      `The passkey was not made for the relying party ${rpId}.`,
    )
  }
  if (/user verification/i.test(message)) {
    return new CognitoError(
      'WebAuthnCredentialNotSupportedException',
      'The user pool requires passkeys that verify the user (a PIN or biometrics).',
    )
  }
  return invalidParameter(`The passkey could not be verified: ${message}`)
}

/** A WEB_AUTHN sign-in challenge: options for navigator.credentials.get(). */
export async function authenticationOptions(pool: PoolRecord, user: UserRecord) {
  return generateAuthenticationOptions({
    rpID: relyingPartyId(pool),
    timeout: WEBAUTHN_CHALLENGE_MS,
    userVerification: webAuthnConfig(pool).userVerification,
    allowCredentials: credentialsOf(user).map(({ id, transports }) => ({ id, transports })),
  })
}

/** Checks a WEB_AUTHN answer against the challenge issued for this user; updates the counter. */
export async function verifyAssertion(
  pool: PoolRecord,
  user: UserRecord,
  challenge: string,
  answer: unknown,
): Promise<boolean> {
  let response: AuthenticationResponseJSON
  try {
    response = (
      typeof answer === 'string' ? JSON.parse(answer) : answer
    ) as AuthenticationResponseJSON
  } catch {
    return false
  }
  if (typeof response !== 'object' || response === null) return false
  const stored = credentialsOf(user).find((c) => c.id === response.id)
  if (!stored) return false
  const rpId = relyingPartyId(pool)
  const { origin } = clientDataOf(response)
  assertOrigin(origin, rpId)
  const publicKey = base64urlToBytes(stored.publicKey)
  if (!publicKey) return false
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      credential: {
        id: stored.id,
        publicKey,
        counter: stored.counter,
        transports: stored.transports,
      },
      requireUserVerification: webAuthnConfig(pool).userVerification === 'required',
    })
    if (!verified) return false
    stored.counter = authenticationInfo.newCounter
    return true
  } catch {
    return false
  }
}
