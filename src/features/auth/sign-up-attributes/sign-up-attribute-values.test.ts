import { describe, expect, it } from 'vitest'
import { checkAttributes, userAttributes } from './sign-up-attribute-values'

describe('the sign-up attributes, as checked and sent', () => {
  it('sends phone numbers in E.164 however they were written', () => {
    for (const typed of [
      '+81 90 1234 5678',
      '+81-90-1234-5678',
      '+81 (90) 1234.5678',
      '＋８１９０１２３４５６７８',
    ]) {
      expect(userAttributes(['phone_number'], { phone_number: typed })).toEqual({
        phone_number: '+819012345678',
      })
    }
  })

  it('refuses a phone number without its country code, and a date that doesn’t exist', () => {
    expect(checkAttributes(['phone_number'], { phone_number: '090 1234 5678' })).toEqual({
      kind: 'attribute-invalid',
      field: 'phone_number',
    })
    expect(checkAttributes(['birthdate'], { birthdate: '1990-02-30' })).toEqual({
      kind: 'attribute-invalid',
      field: 'birthdate',
    })
    expect(checkAttributes(['birthdate'], { birthdate: '1992-02-29' })).toBeUndefined()
  })

  it('names the first empty field in the setting’s order, spaces counting as empty', () => {
    expect(
      checkAttributes(['name', 'custom:team', 'nickname'], { name: 'Ada', 'custom:team': '  ' }),
    ).toEqual({ kind: 'attribute-missing', field: 'custom:team' })
  })
})
