/**
 * Each pool's RS256 signing key: generated on first use and kept (as a JWK)
 * in the data, never in the source.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { PoolRecord, SigningKey } from './data.ts'

const imported = new Map<string, Promise<CryptoKey | Uint8Array>>()

function importCached(jwk: JWK, cacheKey: string) {
  let key = imported.get(cacheKey)
  if (!key) {
    key = importJWK(jwk, 'RS256')
    imported.set(cacheKey, key)
  }
  return key
}

export async function ensureSigningKey(pool: PoolRecord): Promise<SigningKey> {
  if (pool.signingKey) return pool.signingKey
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const kid = crypto.randomUUID()
  const publicJwk = await exportJWK(publicKey)
  const signingKey: SigningKey = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: {
      kty: publicJwk.kty,
      e: publicJwk.e,
      n: publicJwk.n,
      kid,
      alg: 'RS256',
      use: 'sig',
    },
  }
  pool.signingKey = signingKey
  return signingKey
}

export async function privateKeyOf(pool: PoolRecord) {
  const key = await ensureSigningKey(pool)
  return importCached(key.privateJwk, `private:${key.kid}`)
}

/** The public key, or null when the pool has never signed anything. */
export async function publicKeyOf(pool: PoolRecord) {
  const key = pool.signingKey
  return key ? importCached(key.publicJwk, `public:${key.kid}`) : null
}
