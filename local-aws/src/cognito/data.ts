/**
 * The emulator's whole state as plain JSON, so an adapter can keep it in
 * memory, in localStorage or in a file. Nothing here is a secret in clear
 * text: passwords are SRP verifiers, refresh tokens are SHA-256 hashes.
 */
import type { JWK } from 'jose'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_IDENTITY_PROVIDER,
  DEFAULT_OAUTH_DOMAIN,
  DEFAULT_USER_POOL_ID,
  LOCAL_APP_ORIGINS,
  OAUTH_CALLBACK_PATH,
  OAUTH_SIGN_OUT_PATH,
} from '../defaults.ts'
import type { PoolSchema } from './schema.ts'
import type { PoolTier } from './sign-in-policy.ts'
import type { PendingRegistration, StoredCredential, WebAuthnPoolConfig } from './webauthn.ts'

export type UserStatus =
  'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER'

export interface PendingCode {
  code: string
  expiresAt: number
  failedAttempts: number
}

export interface PasswordRecord {
  /** SRP salt, as Cognito's padded hex. */
  salt: string
  /** SRP verifier v = g^x mod N, hex. */
  verifier: string
}

export interface UserRecord {
  /**
   * Internal user name: a UUID, equal to `sub` (the pool signs in by email);
   * for a federated user `<provider>_<the provider's subject>`, as Cognito names them.
   */
  username: string
  /** A federated user's own UUID `sub`; absent for native users, whose sub is their user name. */
  sub?: string
  /**
   * The provider identities behind this user: a federated user's own, or those
   * an administrator linked to a native user (AdminLinkProviderForUser).
   */
  identities?: FederatedIdentity[]
  email: string
  emailVerified: boolean
  status: UserStatus
  enabled: boolean
  attributes: Record<string, string>
  password: PasswordRecord
  createdAt: number
  updatedAt: number
  failedSignIns: number
  /** Passkeys, oldest first; absent until the first one is registered. */
  webAuthnCredentials?: StoredCredential[]
  webAuthnRegistration?: PendingRegistration
  lockedUntil: number
  signUpCode?: PendingCode
  resetCode?: PendingCode
  /** Absent until the user sets up or turns on a second factor. */
  mfa?: UserMfa
  /** The one sign-in challenge in progress; a newer sign-in replaces it. */
  challenge?: PendingChallenge
  /** Devices, by device key; absent until the pool tracks devices and the user signs in. */
  devices?: Record<string, DeviceRecord>
  /** The group key every device of this user shares (what device SRP hashes as the pool name). */
  deviceGroupKey?: string
}

/** One entry of the `identities` attribute. */
export interface FederatedIdentity {
  providerName: string
  providerType: string
  /** The provider's subject for the user. */
  userId: string
  issuer: string | null
  /** Epoch ms. */
  dateCreated: number
}

/**
 * A device Cognito handed out in NewDeviceMetadata. It is tracked once the
 * client confirms it (ConfirmDevice, with the SRP salt and verifier of the
 * random password only the client knows); until then it only waits for that.
 */
export interface DeviceRecord {
  key: string
  /** Hex, as the client's SRP helper computed them; absent until ConfirmDevice. */
  salt?: string
  verifier?: string
  name?: string
  remembered: boolean
  createdAt: number
  updatedAt: number
  lastAuthenticatedAt?: number
}

export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'

export interface UserMfa {
  /** Factors the user turned on (SetUserMFAPreference or an MFA_SETUP at sign-in). */
  enabled: MfaType[]
  preferred?: MfaType
  /** Base32 TOTP secret, once VerifySoftwareToken accepted a code for it. */
  totpSecret?: string
  /** Base32 secret handed out by AssociateSoftwareToken with an AccessToken, not yet verified. */
  pendingTotpSecret?: string
}

/** What a challenge Session points at: the code sent, and how many wrong answers it took. */
export interface PendingChallenge {
  id: string
  /** The SMS or e-mail code, when one was sent. */
  code?: string
  failedAttempts: number
  /** The address an e-mail MFA set-up at sign-in sends its code to. */
  setupEmail?: string
}

export type AuthFlowSetting =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_AUTH'

export interface TokenValidityUnits {
  IdToken: string
  AccessToken: string
  RefreshToken: string
}

export interface ClientRecord {
  clientId: string
  clientName: string
  clientSecret?: string
  explicitAuthFlows: string[]
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY'
  idTokenValidity: number
  accessTokenValidity: number
  refreshTokenValidity: number
  tokenValidityUnits: TokenValidityUnits
  /** Absent: rotation off (DISABLED), as for a client made before it existed. */
  refreshTokenRotation?: RefreshTokenRotation
  /** The managed-login settings; absent: none, as a client made with no OAuth settings. */
  oauth?: ClientOAuth
  createdAt: number
  /** Absent until UpdateUserPoolClient changes it. */
  updatedAt?: number
}

/** AllowedOAuthFlows and the rest of Create/UpdateUserPoolClient's OAuth settings. */
export interface ClientOAuth {
  allowedOAuthFlows: string[]
  allowedOAuthScopes: string[]
  allowedOAuthFlowsUserPoolClient: boolean
  callbackUrls: string[]
  logoutUrls: string[]
  /** 'COGNITO' (the pool's own users) and names of the pool's identity providers. */
  supportedIdentityProviders: string[]
}

/** RefreshTokenRotation of Create/UpdateUserPoolClient. */
export interface RefreshTokenRotation {
  feature: 'ENABLED' | 'DISABLED'
  /** 0–60: how long a rotated-out refresh token still works, for client-side retries. */
  retryGracePeriodSeconds: number
}

export interface SigningKey {
  kid: string
  privateJwk: JWK
  publicJwk: JWK
}

/** One sign-in: its refresh token (hashed) and the origin_jti its tokens carry. */
export interface SessionRecord {
  originJti: string
  /** The newest refresh token; with rotation, each refresh replaces it. */
  refreshTokenHash: string
  /**
   * With rotation only: the sign-in's other refresh tokens. One without
   * `usableUntil` still works (a retry within a grace period was given it);
   * one with it was rotated out and works until then, and is recognised as
   * reused after. Only the newest few are kept.
   */
  earlierRefreshTokens?: EarlierRefreshToken[]
  username: string
  clientId: string
  authTime: number
  expiresAt: number
  revoked: boolean
  /** The OAuth scopes of a managed-login sign-in, space-separated; absent: the API's own scope. */
  scope?: string
}

export interface EarlierRefreshToken {
  hash: string
  /** Epoch ms; absent: not rotated out. */
  usableUntil?: number
}

/** SetUserPoolMfaConfig: MFA off, optional or on, and which factors users may use. */
export interface PoolMfaConfig {
  mode: 'OFF' | 'ON' | 'OPTIONAL'
  softwareToken: boolean
  /** SmsMfaConfiguration / EmailMfaConfiguration as given (present means enabled). */
  sms?: Record<string, unknown>
  email?: Record<string, unknown>
}

export interface PoolRecord {
  id: string
  createdAt: number
  /** Absent: MFA off, as a new pool is. */
  mfa?: PoolMfaConfig
  clients: Record<string, ClientRecord>
  users: Record<string, UserRecord>
  sessions: Record<string, SessionRecord>
  signingKey?: SigningKey
  /** Absent: ESSENTIALS. */
  tier?: PoolTier
  /** SignInPolicy.AllowedFirstAuthFactors; absent: PASSWORD only. */
  allowedFirstAuthFactors?: string[]
  webAuthn?: WebAuthnPoolConfig
  /** UpdateUserPool's DeviceConfiguration; absent: devices not tracked, as a new pool. */
  deviceConfiguration?: DeviceConfiguration
  /** Absent: no required attributes besides e-mail, no custom ones. */
  schema?: PoolSchema
  /** CreateUserPoolDomain's prefix or custom domain; absent: no managed login. */
  domain?: string
  /** By ProviderName. */
  identityProviders?: Record<string, IdentityProviderRecord>
  /** Authorization codes not yet redeemed, by the code's SHA-256. */
  oauthCodes?: Record<string, OAuthCode>
  /** Managed-login sessions, by the SHA-256 of their cookie's id. */
  loginSessions?: Record<string, LoginSession>
}

export interface IdentityProviderRecord {
  name: string
  type: string
  details: Record<string, string>
  attributeMapping: Record<string, string>
  idpIdentifiers: string[]
  createdAt: number
  updatedAt: number
}

/** What /oauth2/authorize promised: redeemed once, at /oauth2/token, within its lifetime. */
export interface OAuthCode {
  clientId: string
  username: string
  redirectUri: string
  scope: string
  /** S256 challenge; absent when the request sent none. */
  codeChallenge?: string
  nonce?: string
  authTime: number
  expiresAt: number
}

export interface LoginSession {
  username: string
  authTime: number
  expiresAt: number
}

export interface DeviceConfiguration {
  /** When true, a remembered device stands in for the MFA code. */
  ChallengeRequiredOnNewDevice: boolean
  /** When true, a confirmed device is remembered only once the user says so (UpdateDeviceStatus). */
  DeviceOnlyRememberedOnUserPrompt: boolean
}

export interface CognitoData {
  version: 1
  pools: Record<string, PoolRecord>
  /** Base64 AES key sealing SRP secret blocks and challenge sessions; made on first use. */
  sessionKey?: string
}

export const DEFAULT_TOKEN_UNITS: TokenValidityUnits = {
  IdToken: 'hours',
  AccessToken: 'hours',
  RefreshToken: 'days',
}

export function createPool(id: string, now = Date.now()): PoolRecord {
  return { id, createdAt: now, clients: {}, users: {}, sessions: {} }
}

export function createCognitoData(): CognitoData {
  const now = Date.now()
  const pool = createPool(DEFAULT_USER_POOL_ID, now)
  pool.clients[DEFAULT_CLIENT_ID] = {
    clientId: DEFAULT_CLIENT_ID,
    clientName: 'local-web-client',
    explicitAuthFlows: [
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      // As for a client made in today's console; the pool decides which factors it may use.
      'ALLOW_USER_AUTH',
    ],
    preventUserExistenceErrors: 'ENABLED',
    idTokenValidity: 1,
    accessTokenValidity: 1,
    refreshTokenValidity: 30,
    tokenValidityUnits: { ...DEFAULT_TOKEN_UNITS },
    createdAt: now,
  }
  addManagedLoginDefaults(pool, now)
  return { version: 1, pools: { [pool.id]: pool } }
}

/**
 * The default pool's managed login: the domain, the stand-in Google, and the
 * default client allowing the code flow for the app's local origins. Also
 * given to a state saved before the emulator had managed login (no
 * `identityProviders` at all), so `npm run dev` offers Google there too; a pool
 * whose providers or domain were deleted since keeps them deleted.
 */
export function addManagedLoginDefaults(pool: PoolRecord, now = Date.now()) {
  if (pool.identityProviders || pool.domain) return
  const client = pool.clients[DEFAULT_CLIENT_ID]
  if (client && !client.oauth) {
    client.oauth = {
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      allowedOAuthFlowsUserPoolClient: true,
      callbackUrls: LOCAL_APP_ORIGINS.map((origin) => origin + OAUTH_CALLBACK_PATH),
      logoutUrls: LOCAL_APP_ORIGINS.map((origin) => origin + OAUTH_SIGN_OUT_PATH),
      supportedIdentityProviders: ['COGNITO', DEFAULT_IDENTITY_PROVIDER],
    }
  }
  pool.domain = DEFAULT_OAUTH_DOMAIN
  pool.identityProviders = {
    [DEFAULT_IDENTITY_PROVIDER]: {
      name: DEFAULT_IDENTITY_PROVIDER,
      type: 'Google',
      // Placeholders: the emulator's stand-in page plays Google, so no real app is needed.
      details: {
        client_id: 'local-google-client',
        client_secret: 'local-google-secret',
        authorize_scopes: 'openid email profile',
      },
      attributeMapping: { email: 'email', username: 'sub' },
      idpIdentifiers: [],
      createdAt: now,
      updatedAt: now,
    },
  }
}

/**
 * Adds another (empty) user pool, e.g. so a test can prove that a token from a
 * different pool is refused. Cognito's CreateUserPool is not emulated.
 */
export function addUserPool(data: CognitoData, userPoolId: string): PoolRecord {
  const pool = data.pools[userPoolId] ?? createPool(userPoolId)
  data.pools[userPoolId] = pool
  return pool
}

/** The part of the pool id after "_": what SRP hashes as the pool name. */
export function poolName(userPoolId: string): string {
  return userPoolId.split('_')[1] ?? ''
}
