import { describe, expect, it } from 'vitest'
import { classifyAuthError } from './classify-auth-error'

const invalidParameter = (message: string) =>
  Object.assign(new Error(message), { name: 'InvalidParameterException' })

describe('the sign-up doctor reading Cognito’s schema errors', () => {
  it('reads the classic form, a line per attribute, on either sign-up screen', () => {
    const error = invalidParameter(
      'Attributes did not conform to the schema: name: The attribute is required\nphone_number: The attribute is required\n',
    )
    for (const action of ['sign-up', 'passwordless'] as const) {
      expect(classifyAuthError(error, action)).toEqual({
        kind: 'config-sign-up-attributes',
        required: ['name', 'phone_number'],
        undefinedInPool: [],
      })
    }
  })

  it('reads the SCIM names newer pools give, back into Cognito’s attribute names', () => {
    const error = invalidParameter(
      'Attributes did not conform to the schema: phoneNumbers: The attribute phoneNumbers is required, name.formatted: The attribute name.formatted is required',
    )
    expect(classifyAuthError(error, 'sign-up')).toMatchObject({
      required: ['phone_number', 'name'],
    })
  })

  it('names a custom attribute the pool lacks, and leaves a message it can’t read unknown', () => {
    expect(
      classifyAuthError(
        invalidParameter(
          'Attributes did not conform to the schema: custom:team: Attribute does not exist in the schema.\n',
        ),
        'sign-up',
      ),
    ).toEqual({ kind: 'config-sign-up-attributes', required: [], undefinedInPool: ['custom:team'] })
    expect(
      classifyAuthError(
        invalidParameter('Attributes did not conform to the schema: type mismatch'),
        'sign-up',
      ),
    ).toEqual({ kind: 'unknown', name: 'InvalidParameterException' })
  })

  it('puts Cognito’s refusal of a phone number next to the phone field', () => {
    expect(classifyAuthError(invalidParameter('Invalid phone number format.'), 'sign-up')).toEqual({
      kind: 'attribute-invalid',
      field: 'phone_number',
    })
  })
})
