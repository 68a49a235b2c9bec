/**
 * An app client's managed-login settings (AllowedOAuthFlows, CallbackURLs,
 * SupportedIdentityProviders…), checked as Cognito checks them when a client
 * is created or updated.
 */
import type { Body } from './context.ts'
import type { ClientOAuth, ClientRecord, PoolRecord } from './data.ts'
import { invalidParameter } from './errors.ts'

const FLOWS = ['code', 'implicit', 'client_credentials']
const STANDARD_SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin']

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? (value as unknown[]).map(String) : []

/** Cognito takes HTTPS, http://localhost (for testing) and app schemes such as myapp://. */
function assertRedirectUrl(url: string, setting: string) {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidParameter(`Invalid ${setting}: ${url} is not an absolute URL.`)
  }
  if (parsed.hash) throw invalidParameter(`Invalid ${setting}: ${url} has a fragment.`)
  if (parsed.protocol === 'http:' && parsed.hostname !== 'localhost') {
    throw invalidParameter(`Invalid ${setting}: ${url} must use HTTPS (or be on localhost).`)
  }
}

/** The OAuth settings as given; none given: no managed login for this client. */
export function clientOAuthOf(pool: PoolRecord, body: Body): ClientOAuth | undefined {
  const oauth: ClientOAuth = {
    allowedOAuthFlows: strings(body.AllowedOAuthFlows),
    allowedOAuthScopes: strings(body.AllowedOAuthScopes),
    allowedOAuthFlowsUserPoolClient: body.AllowedOAuthFlowsUserPoolClient === true,
    callbackUrls: strings(body.CallbackURLs),
    logoutUrls: strings(body.LogoutURLs),
    supportedIdentityProviders: strings(body.SupportedIdentityProviders),
  }
  const flow = oauth.allowedOAuthFlows.find((f) => !FLOWS.includes(f))
  if (flow) {
    throw invalidParameter(
      `1 validation error detected: Value '[${flow}]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [implicit, client_credentials, code]]`,
    )
  }
  // Resource servers' custom scopes are not emulated: only the standard ones exist.
  const scope = oauth.allowedOAuthScopes.find((s) => !STANDARD_SCOPES.includes(s))
  if (scope) throw invalidParameter(`${scope} is not a valid scope.`)
  for (const name of oauth.supportedIdentityProviders) {
    if (name !== 'COGNITO' && !pool.identityProviders?.[name]) {
      throw invalidParameter(`The provider ${name} does not exist for User Pool ${pool.id}`)
    }
  }
  oauth.callbackUrls.forEach((url) => assertRedirectUrl(url, 'CallbackURLs'))
  oauth.logoutUrls.forEach((url) => assertRedirectUrl(url, 'LogoutURLs'))
  if (oauth.allowedOAuthFlowsUserPoolClient) {
    if (oauth.allowedOAuthFlows.length === 0) {
      throw invalidParameter('AllowedOAuthFlows must be set when OAuth flows are allowed.')
    }
    if (oauth.allowedOAuthScopes.length === 0) {
      throw invalidParameter('AllowedOAuthScopes must be set when OAuth flows are allowed.')
    }
    if (oauth.allowedOAuthFlows.includes('code') && oauth.callbackUrls.length === 0) {
      throw invalidParameter('CallbackURLs must be set for the code flow.')
    }
  }
  const given = Object.values(oauth).some((v) => v === true || (Array.isArray(v) && v.length > 0))
  return given ? oauth : undefined
}

/** The settings as DescribeUserPoolClient shows them: only those set. */
export function describeClientOAuth(client: ClientRecord) {
  const oauth = client.oauth
  if (!oauth) return { AllowedOAuthFlowsUserPoolClient: false }
  const nonEmpty = (name: string, list: string[]) => (list.length > 0 ? { [name]: list } : {})
  return {
    ...nonEmpty('SupportedIdentityProviders', oauth.supportedIdentityProviders),
    ...nonEmpty('CallbackURLs', oauth.callbackUrls),
    ...nonEmpty('LogoutURLs', oauth.logoutUrls),
    ...nonEmpty('AllowedOAuthFlows', oauth.allowedOAuthFlows),
    ...nonEmpty('AllowedOAuthScopes', oauth.allowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: oauth.allowedOAuthFlowsUserPoolClient,
  }
}
