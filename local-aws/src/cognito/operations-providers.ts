/**
 * The pool's domain and identity providers, as the AWS CLI sets them up:
 * CreateUserPoolDomain, CreateIdentityProvider and the rest. The emulator
 * serves every domain at its own base path, so a domain is only a name here;
 * the providers are played by the emulator's stand-in pages.
 */
import { findPool } from './clients.ts'
import { record, str, type Body, type CognitoContext } from './context.ts'
import type { CognitoData, IdentityProviderRecord, PoolRecord } from './data.ts'
import { CognitoError, invalidParameter, resourceNotFound } from './errors.ts'

const PROVIDER_TYPES = ['SAML', 'Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple', 'OIDC']
/** The social providers' names are fixed: a Google provider is called "Google". */
const SOCIAL_TYPES = ['Facebook', 'Google', 'LoginWithAmazon', 'SignInWithApple']
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

function poolOfDomain(data: CognitoData, domain: string): PoolRecord | undefined {
  return Object.values(data.pools).find((pool) => pool.domain === domain)
}

export async function createUserPoolDomain(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const domain = str(body.Domain) ?? ''
  const custom = body.CustomDomainConfig !== undefined
  if (!custom && !DOMAIN_PREFIX.test(domain)) {
    throw invalidParameter(
      `1 validation error detected: Value '${domain}' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$`,
    )
  }
  if (poolOfDomain(ctx.data, domain)) throw invalidParameter('Domain already exists.')
  if (pool.domain) {
    throw invalidParameter(`User pool ${pool.id} already has a domain configured.`)
  }
  pool.domain = domain
  ctx.log(`CreateUserPoolDomain ${domain} → ${pool.id}`)
  return custom ? { CloudFrontDomain: domain, ManagedLoginVersion: 2 } : { ManagedLoginVersion: 2 }
}

/** As on AWS, a domain no pool has is described as an empty object, not an error. */
export async function describeUserPoolDomain(body: Body, ctx: CognitoContext) {
  const domain = str(body.Domain) ?? ''
  const pool = poolOfDomain(ctx.data, domain)
  if (!pool) return { DomainDescription: {} }
  return {
    DomainDescription: {
      UserPoolId: pool.id,
      AWSAccountId: '000000000000',
      Domain: domain,
      Status: 'ACTIVE',
      Version: '1',
      ManagedLoginVersion: 2,
    },
  }
}

export async function deleteUserPoolDomain(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  if (!pool.domain || pool.domain !== str(body.Domain)) {
    throw invalidParameter('No such domain or user pool exists.')
  }
  ctx.log(`DeleteUserPoolDomain ${pool.domain}`)
  delete pool.domain
  delete pool.loginSessions
  return {}
}

function stringMap(value: unknown, name: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, item] of Object.entries(record(value))) {
    if (typeof item !== 'string') throw invalidParameter(`${name}.${key} must be a string`)
    out[key] = item
  }
  return out
}

function describeProvider(pool: PoolRecord, provider: IdentityProviderRecord) {
  return {
    UserPoolId: pool.id,
    ProviderName: provider.name,
    ProviderType: provider.type,
    ProviderDetails: provider.details,
    AttributeMapping: provider.attributeMapping,
    IdpIdentifiers: provider.idpIdentifiers,
    LastModifiedDate: provider.updatedAt / 1000,
    CreationDate: provider.createdAt / 1000,
  }
}

export function findProvider(pool: PoolRecord, name: unknown): IdentityProviderRecord {
  const provider = pool.identityProviders?.[typeof name === 'string' ? name : '']
  if (!provider) throw resourceNotFound(`Identity provider ${String(name)} does not exist.`)
  return provider
}

export async function createIdentityProvider(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const name = str(body.ProviderName) ?? ''
  const type = str(body.ProviderType) ?? ''
  if (!PROVIDER_TYPES.includes(type)) {
    throw invalidParameter(
      `1 validation error detected: Value '${type}' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [${PROVIDER_TYPES.join(', ')}]`,
    )
  }
  if (SOCIAL_TYPES.includes(type) && name !== type) {
    throw invalidParameter(`Provider name must be ${type} for provider type ${type}.`)
  }
  if (
    !SOCIAL_TYPES.includes(type) &&
    !/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u.test(name)
  ) {
    throw invalidParameter(`${name} is not a valid provider name.`)
  }
  if (name === 'COGNITO' || name === 'Cognito') throw invalidParameter('Provider name is reserved.')
  if (pool.identityProviders?.[name]) {
    throw new CognitoError(
      'DuplicateProviderException',
      `A provider with the name ${name} already exists in this user pool.`,
    )
  }
  const now = ctx.now()
  const provider: IdentityProviderRecord = {
    name,
    type,
    details: stringMap(body.ProviderDetails, 'ProviderDetails'),
    attributeMapping: stringMap(body.AttributeMapping, 'AttributeMapping'),
    idpIdentifiers: Array.isArray(body.IdpIdentifiers) ? body.IdpIdentifiers.map(String) : [],
    createdAt: now,
    updatedAt: now,
  }
  pool.identityProviders = { ...pool.identityProviders, [name]: provider }
  ctx.log(`CreateIdentityProvider ${name} (${type}) → ${pool.id}`)
  return { IdentityProvider: describeProvider(pool, provider) }
}

export async function describeIdentityProvider(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  return { IdentityProvider: describeProvider(pool, findProvider(pool, body.ProviderName)) }
}

export async function listIdentityProviders(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const Providers = Object.values(pool.identityProviders ?? {}).map((provider) => ({
    ProviderName: provider.name,
    ProviderType: provider.type,
    LastModifiedDate: provider.updatedAt / 1000,
    CreationDate: provider.createdAt / 1000,
  }))
  return { Providers }
}

/** Only what is given changes; ProviderDetails are merged, as on AWS. */
export async function updateIdentityProvider(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const provider = findProvider(pool, body.ProviderName)
  if (body.ProviderDetails !== undefined) {
    provider.details = {
      ...provider.details,
      ...stringMap(body.ProviderDetails, 'ProviderDetails'),
    }
  }
  if (body.AttributeMapping !== undefined) {
    provider.attributeMapping = stringMap(body.AttributeMapping, 'AttributeMapping')
  }
  if (Array.isArray(body.IdpIdentifiers)) provider.idpIdentifiers = body.IdpIdentifiers.map(String)
  provider.updatedAt = ctx.now()
  ctx.log(`UpdateIdentityProvider ${provider.name}`)
  return { IdentityProvider: describeProvider(pool, provider) }
}

/** The provider goes from the clients that named it too, so none offers a provider that's gone. */
export async function deleteIdentityProvider(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const provider = findProvider(pool, body.ProviderName)
  delete pool.identityProviders?.[provider.name]
  for (const client of Object.values(pool.clients)) {
    if (!client.oauth) continue
    client.oauth.supportedIdentityProviders = client.oauth.supportedIdentityProviders.filter(
      (name) => name !== provider.name,
    )
  }
  ctx.log(`DeleteIdentityProvider ${provider.name}`)
  return {}
}
