import { describe, expect, it } from 'vitest'
import { authErrorMessages, describeProblem } from '../messages/auth-error-messages'
import { classifyAuthError, isAttributeProblem, type AuthProblem } from './classify-auth-error'

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name })

/** What the doctor tells whoever deployed the app, in `language`. */
function fixFor(problem: AuthProblem, language: 'en' | 'ja' = 'en') {
  if (isAttributeProblem(problem)) throw new Error(`a field's problem: ${problem.kind}`)
  return describeProblem(authErrorMessages[language], problem).fix
}

describe('the misconfiguration doctor for passwordless sign-in', () => {
  it('names ALLOW_USER_AUTH when the client refuses USER_AUTH, and keeps the password fix otherwise', () => {
    const refused = cognitoError(
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    )
    const problem = classifyAuthError(refused, 'passwordless')
    expect(problem).toEqual({ kind: 'config-user-auth' })
    expect(fixFor(problem)).toMatch(/ALLOW_USER_AUTH/)
    expect(fixFor(problem, 'ja')).toMatch(/ALLOW_USER_AUTH/)
    expect(classifyAuthError(refused, 'sign-in')).toEqual({ kind: 'config-auth-flow' })
  })

  it('names the Essentials plan and the relying-party id', () => {
    const plan = classifyAuthError(
      cognitoError('FeatureUnavailableInTierException', 'not available in the Lite feature plan'),
      'passwordless',
    )
    expect(fixFor(plan)).toMatch(/Essentials/)
    for (const name of [
      'WebAuthnConfigurationMissingException',
      'WebAuthnNotEnabledException',
      'WebAuthnRelyingPartyMismatchException',
      'WebAuthnOriginNotAllowedException',
    ]) {
      const problem = classifyAuthError(cognitoError(name, ''), 'passwordless')
      expect(fixFor(problem)).toMatch(/relying-party id/)
    }
  })

  it('tells a cancelled or timed-out prompt from a refused passkey, and an ended code from a wrong one', () => {
    expect(
      classifyAuthError(cognitoError('PasskeyAuthenticationCanceled', ''), 'passwordless'),
    ).toEqual({ kind: 'passkey-cancelled' })
    expect(
      classifyAuthError(
        cognitoError('NotAuthorizedException', 'The passkey could not be verified.'),
        'passwordless',
      ),
    ).toEqual({ kind: 'passkey-refused' })
    expect(
      classifyAuthError(
        cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
        'passwordless',
      ),
    ).toEqual({ kind: 'expired-code', field: 'code' })
    expect(
      classifyAuthError(cognitoError('CodeMismatchException', 'Invalid code'), 'passwordless'),
    ).toEqual({ kind: 'wrong-code', field: 'code' })
  })
})
