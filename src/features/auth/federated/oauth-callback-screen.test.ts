import { describe, expect, it } from 'vitest'
import { classifyRedirectFailure } from './oauth-callback-screen'

const none = new URLSearchParams()
const returned = (query: string) => new URLSearchParams(query)
const amplify = (message: string, name = 'OAuthSignInException') => ({ name, message })

describe('what the callback page says of a sign-in that came back without one', () => {
  it('reads the error Cognito put on the callback URL', () => {
    expect(
      classifyRedirectFailure(returned('error=access_denied&state=x'), amplify('access_denied')),
    ).toEqual({ problem: 'cancelled', reason: 'access_denied' })
    expect(
      classifyRedirectFailure(returned('error=user_cancelled_authorize'), amplify('x')).problem,
    ).toBe('cancelled')
    expect(
      classifyRedirectFailure(
        returned(
          'error=unauthorized_client&error_description=Client+is+not+enabled+for+OAuth2.0+flows.',
        ),
        amplify('x'),
      ),
    ).toEqual({ problem: 'client-flow', reason: 'Client is not enabled for OAuth2.0 flows.' })
    expect(classifyRedirectFailure(returned('error=invalid_scope'), amplify('x')).problem).toBe(
      'client-scope',
    )
    expect(
      classifyRedirectFailure(
        returned('error=invalid_request&error_description=User+is+disabled.'),
        amplify('x'),
      ),
    ).toEqual({ problem: 'refused', reason: 'User is disabled.' })
  })

  it('reads what Amplify or the token endpoint refused', () => {
    expect(
      classifyRedirectFailure(none, amplify('An error occurred while validating the state.'))
        .problem,
    ).toBe('state')
    expect(classifyRedirectFailure(none, amplify('invalid_grant')).problem).toBe('code')
    expect(classifyRedirectFailure(none, amplify('Failed to fetch', 'TypeError')).problem).toBe(
      'network',
    )
    expect(classifyRedirectFailure(none, amplify('unauthorized_client')).problem).toBe(
      'client-flow',
    )
    expect(classifyRedirectFailure(none, amplify('User cancelled OAuth flow.')).problem).toBe(
      'cancelled',
    )
  })
})
