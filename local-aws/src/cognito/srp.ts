/**
 * The server half of Cognito's SRP-6a (3072-bit RFC 5054 group, g = 2,
 * k = H(N | g), u = H(A | B), HKDF "Caldera Derived Key"), in BigInt and Web
 * Crypto. Hex encodings follow Amplify's getPaddedHex (Java BigInteger style:
 * even length, a leading 00 when the top bit is set), because every hash
 * input is the bytes of those hex strings.
 */
import {
  bytesToBase64,
  bytesToHex,
  concatBytes,
  hexToBytes,
  hmacSha256,
  randomBytes,
  sha256,
  utf8,
} from './bytes.ts'

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF'
const N = BigInt(`0x${N_HEX}`)
const g = 2n

/** Amplify's getPaddedHex for non-negative numbers. */
export function padHex(value: bigint): string {
  let hex = value.toString(16)
  if (hex.length % 2 !== 0) hex = `0${hex}`
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex
}

export function hexToBigInt(hex: string): bigint {
  return BigInt(`0x${hex || '0'}`)
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = ((base % modulus) + modulus) % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

async function hashHexToBigInt(hex: string): Promise<bigint> {
  return hexToBigInt(bytesToHex(await sha256(hexToBytes(hex))))
}

let kValue: Promise<bigint> | undefined
const k = () => (kValue ??= hashHexToBigInt(`${padHex(N)}${padHex(g)}`))

/** x = H(salt | H(poolName | userId | ":" | password)), as Amplify computes it. */
async function computeX(
  poolName: string,
  userId: string,
  password: string,
  saltHex: string,
): Promise<bigint> {
  const inner = bytesToHex(await sha256(utf8(`${poolName}${userId}:${password}`)))
  return hashHexToBigInt(padHex(hexToBigInt(saltHex)) + inner)
}

export async function computeVerifier(
  poolName: string,
  userId: string,
  password: string,
  saltHex: string,
) {
  return padHex(modPow(g, await computeX(poolName, userId, password, saltHex), N))
}

/** Salt and verifier to store instead of a password. */
export async function createVerifier(poolName: string, userId: string, password: string) {
  const salt = padHex(hexToBigInt(bytesToHex(randomBytes(16))))
  return { salt, verifier: await computeVerifier(poolName, userId, password, salt) }
}

/** Server ephemeral: b stays server-side (sealed in SECRET_BLOCK), B goes out as SRP_B. */
export async function createServerEphemeral(
  verifierHex: string,
): Promise<{ b: string; B: string }> {
  for (;;) {
    const b = hexToBigInt(bytesToHex(randomBytes(32)))
    const B = ((await k()) * hexToBigInt(verifierHex) + modPow(g, b, N)) % N
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) }
  }
}

/** The 16-byte key both sides derive; null when A is unusable (A mod N = 0). */
export async function deriveSessionKey(input: {
  A: string
  B: string
  b: string
  verifier: string
}) {
  const A = hexToBigInt(input.A)
  const B = hexToBigInt(input.B)
  if (A % N === 0n) return null
  const u = await hashHexToBigInt(padHex(A) + padHex(B))
  if (u === 0n) return null
  const S = modPow(A * modPow(hexToBigInt(input.verifier), u, N), hexToBigInt(input.b), N)
  const ikm = await crypto.subtle.importKey('raw', hexToBytes(padHex(S)), 'HKDF', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: hexToBytes(padHex(u)),
      info: utf8('Caldera Derived Key'),
    },
    ikm,
    128,
  )
  return new Uint8Array(bits)
}

/** PASSWORD_CLAIM_SIGNATURE = HMAC(key, poolName | USER_ID_FOR_SRP | secret block bytes | TIMESTAMP). */
export async function claimSignature(
  key: Uint8Array<ArrayBuffer>,
  poolName: string,
  userId: string,
  secretBlock: Uint8Array,
  timestamp: string,
) {
  return bytesToBase64(
    await hmacSha256(key, concatBytes(utf8(poolName), utf8(userId), secretBlock, utf8(timestamp))),
  )
}
