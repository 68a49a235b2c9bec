/**
 * Federated users, made as Cognito makes them on a first sign-in with a
 * provider (`Google_<subject>`, the `identities` attribute, the e-mail
 * verified), and AdminLinkProviderForUser, which makes a provider's sign-in
 * sign in as a native user instead.
 */
import { bytesToHex, sha256, utf8 } from './bytes.ts'
import { findPool } from './clients.ts'
import { record, str, type Body, type CognitoContext } from './context.ts'
import type { FederatedIdentity, IdentityProviderRecord, PoolRecord, UserRecord } from './data.ts'
import { invalidParameter, userNotFound } from './errors.ts'
import { findProvider } from './operations-providers.ts'

/**
 * The stand-in provider's subject for an e-mail: stable, so the same e-mail
 * is the same account at every sign-in, and digits only, as Google's are.
 */
export async function providerSubject(provider: string, email: string): Promise<string> {
  const hash = await sha256(utf8(`${provider}\n${email.toLowerCase()}`))
  return BigInt(`0x${bytesToHex(hash)}`)
    .toString()
    .slice(0, 21)
}

const issuerOf = (provider: IdentityProviderRecord) =>
  provider.details.oidc_issuer ?? provider.details.MetadataURL ?? null

const isLinkedTo = (user: UserRecord, provider: string, subject: string) =>
  !user.sub && user.identities?.some((i) => i.providerName === provider && i.userId === subject)

/** The user a provider's sign-in signs in as: a linked native user, or the federated one (made now). */
export async function federatedSignIn(
  ctx: CognitoContext,
  pool: PoolRecord,
  provider: IdentityProviderRecord,
  email: string,
): Promise<UserRecord> {
  const subject = await providerSubject(provider.name, email)
  const linked = Object.values(pool.users).find((u) => isLinkedTo(u, provider.name, subject))
  if (linked) return linked
  const username = `${provider.name}_${subject}`
  const existing = pool.users[username]
  if (existing) return existing
  const now = ctx.now()
  const identity: FederatedIdentity = {
    providerName: provider.name,
    providerType: provider.type,
    userId: subject,
    issuer: issuerOf(provider),
    dateCreated: now,
  }
  const user: UserRecord = {
    username,
    sub: crypto.randomUUID(),
    identities: [identity],
    email,
    emailVerified: true,
    status: 'EXTERNAL_PROVIDER',
    enabled: true,
    attributes: {},
    // No password: a federated user signs in at the provider only.
    password: { salt: '', verifier: '' },
    createdAt: now,
    updatedAt: now,
    failedSignIns: 0,
    lockedUntil: 0,
  }
  pool.users[username] = user
  ctx.log(`federated sign-in: user ${username} created for ${email}`)
  return user
}

/** The e-mails of the provider's users, newest first, for the stand-in page to offer. */
export function recentEmails(pool: PoolRecord, provider: string): string[] {
  return Object.values(pool.users)
    .filter((u) => u.identities?.some((i) => i.providerName === provider))
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, 5)
    .map((u) => u.email)
}

export async function adminLinkProviderForUser(body: Body, ctx: CognitoContext) {
  const pool = findPool(ctx.data, body.UserPoolId)
  const destination = record(body.DestinationUser)
  const source = record(body.SourceUser)
  if (destination.ProviderName !== 'Cognito') {
    throw invalidParameter('DestinationUser ProviderName must be Cognito.')
  }
  const user = pool.users[str(destination.ProviderAttributeValue) ?? '']
  if (!user || user.sub) throw userNotFound()
  const provider = findProvider(pool, source.ProviderName)
  const subject = str(source.ProviderAttributeValue) ?? ''
  if (!subject) throw invalidParameter('SourceUser ProviderAttributeValue is required.')
  if (pool.users[`${provider.name}_${subject}`]) {
    throw invalidParameter(
      'Merging is not currently supported, provide a SourceUser that has not been linked to a user pool',
    )
  }
  if (Object.values(pool.users).some((u) => isLinkedTo(u, provider.name, subject))) {
    throw invalidParameter('The source user is already linked to a user of this pool.')
  }
  user.identities = [
    ...(user.identities ?? []),
    {
      providerName: provider.name,
      providerType: provider.type,
      userId: subject,
      issuer: issuerOf(provider),
      dateCreated: ctx.now(),
    },
  ]
  user.updatedAt = ctx.now()
  ctx.log(`AdminLinkProviderForUser ${provider.name} → ${user.email}`)
  return {}
}
