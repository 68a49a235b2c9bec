import { describe, expect, it } from 'vitest'
import { authErrorMessages, describeProblem } from '../messages/auth-error-messages'
import { classifyAuthError } from './classify-auth-error'

const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name })

describe('the misconfiguration doctor for passwordless sign-in', () => {
  it('names ALLOW_USER_AUTH when the client refuses USER_AUTH, and keeps the password fix otherwise', () => {
    const refused = cognitoError(
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    )
    const problem = classifyAuthError(refused, 'passwordless')
    expect(problem).toEqual({ kind: 'config-user-auth' })
    expect(describeProblem(authErrorMessages.en, problem).fix).toMatch(/ALLOW_USER_AUTH/)
    expect(describeProblem(authErrorMessages.ja, problem).fix).toMatch(/ALLOW_USER_AUTH/)
    expect(classifyAuthError(refused, 'sign-in')).toEqual({ kind: 'config-auth-flow' })
  })

  it('names the Essentials plan and the relying-party id', () => {
    const plan = classifyAuthError(
      cognitoError('FeatureUnavailableInTierException', 'not available in the Lite feature plan'),
      'passwordless',
    )
    expect(describeProblem(authErrorMessages.en, plan).fix).toMatch(/Essentials/)
    for (const name of [
      'WebAuthnConfigurationMissingException',
      'WebAuthnNotEnabledException',
      'WebAuthnRelyingPartyMismatchException',
      'WebAuthnOriginNotAllowedException',
    ]) {
      const problem = classifyAuthError(cognitoError(name, ''), 'passwordless')
      expect(describeProblem(authErrorMessages.en, problem).fix).toMatch(/relying-party id/)
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
