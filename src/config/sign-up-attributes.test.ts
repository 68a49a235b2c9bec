import { describe, expect, it } from 'vitest'
import { parseSignUpAttributes } from './sign-up-attributes'

describe('VITE_SIGN_UP_ATTRIBUTES', () => {
  it('lists the attributes in the setting’s order, once each; unset is none', () => {
    expect(parseSignUpAttributes(' name, phone_number ,custom:team,name ')).toEqual([
      'name',
      'phone_number',
      'custom:team',
    ])
    expect(parseSignUpAttributes(undefined)).toEqual([])
    expect(parseSignUpAttributes(' ')).toEqual([])
  })

  it('leaves out email, which sign-up always sends as the user name', () => {
    expect(parseSignUpAttributes('email,given_name,family_name')).toEqual([
      'given_name',
      'family_name',
    ])
  })

  it.each([
    ['first_name', /lists "first_name", which is neither a standard attribute .* nor a custom one/],
    ['Name', /lists "Name"/],
    ['custom:', /lists "custom:"/],
    ['custom:a-name-longer-than-20', /lists "custom:a-name-longer-than-20"/],
    ['phone_number_verified', /phone_number_verified, which Cognito sets itself/],
    ['sub', /sub, which Cognito sets itself/],
  ])('names a wrong entry: %s', (value, message) => {
    expect(() => parseSignUpAttributes(`name,${value}`)).toThrow(message)
  })
})
