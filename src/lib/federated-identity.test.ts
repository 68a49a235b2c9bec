import { afterEach, describe, expect, it } from 'vitest'
import { env } from '@/config/env'
import { storedFederatedProvider } from './federated-identity'

/** An IdToken as Cognito shapes one (unsigned: only its claims are read here). */
const idToken = (claims: object) =>
  ['{"alg":"none"}', JSON.stringify(claims), '']
    .map((part) => btoa(part).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'))
    .join('.')

/** Stores `claims` where Amplify keeps the signed-in user's IdToken. */
function storeIdToken(username: string, claims: object) {
  const prefix = `CognitoIdentityServiceProvider.${env().userPoolClientId}`
  localStorage.setItem(`${prefix}.LastAuthUser`, username)
  localStorage.setItem(`${prefix}.${username}.idToken`, idToken(claims))
}

const google = { providerName: 'Google', providerType: 'Google', userId: '1234', primary: 'true' }

afterEach(() => localStorage.clear())

describe('who came through an identity provider', () => {
  it('is the provider of a user Cognito made for it', () => {
    storeIdToken('Google_1234', { 'cognito:username': 'Google_1234', identities: [google] })
    expect(storedFederatedProvider()).toBe('Google')
  })

  it('is no one for a pool user linked to a provider: they have a password of their own', () => {
    storeIdToken('ada', { 'cognito:username': 'ada', identities: [google] })
    expect(storedFederatedProvider()).toBeUndefined()
  })

  it('is no one for a pool user, or with nobody signed in', () => {
    expect(storedFederatedProvider()).toBeUndefined()
    storeIdToken('ada', { 'cognito:username': 'ada' })
    expect(storedFederatedProvider()).toBeUndefined()
  })
})
