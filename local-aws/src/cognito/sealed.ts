/**
 * Opaque values the client must hand back unchanged (SRP SECRET_BLOCK,
 * challenge Session): server state encrypted and authenticated with AES-GCM
 * under a key kept in the data, so nothing needs a server-side table and a
 * tampered or foreign value simply fails to open.
 */
import { base64ToBytes, bytesToBase64, concatBytes, randomBytes, utf8 } from './bytes.ts'
import type { CognitoData } from './data.ts'

const keys = new Map<string, Promise<CryptoKey>>()

function sessionKey(data: CognitoData): Promise<CryptoKey> {
  data.sessionKey ??= bytesToBase64(randomBytes(32))
  const raw = data.sessionKey
  let key = keys.get(raw)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      base64ToBytes(raw) ?? new Uint8Array(32),
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    )
    keys.set(raw, key)
  }
  return key
}

export async function seal(data: CognitoData, value: object): Promise<string> {
  const iv = randomBytes(12)
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await sessionKey(data),
    utf8(JSON.stringify(value)),
  )
  return bytesToBase64(concatBytes(iv, new Uint8Array(cipher)))
}

export async function unseal(
  data: CognitoData,
  sealed: unknown,
): Promise<Record<string, unknown> | null> {
  if (typeof sealed !== 'string') return null
  const bytes = base64ToBytes(sealed)
  if (!bytes || bytes.length < 29) return null
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12) },
      await sessionKey(data),
      bytes.slice(12),
    )
    const value: unknown = JSON.parse(new TextDecoder().decode(plain))
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
