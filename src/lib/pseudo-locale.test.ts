import { describe, expect, it } from 'vitest'
import { pseudoLocalize, PSEUDO_CLOSE, PSEUDO_OPEN, pseudoText } from './pseudo-locale'

/** What a reader sees of the message's own words: the letters outside the kept arguments. */
const plainLetters = (text: string) => text.match(/[a-zA-Z]/g) ?? []

describe('the pseudo-locale', () => {
  it('accents every letter, marks both ends and makes a string about 30% longer', () => {
    const text = pseudoText('Sign in')
    expect(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE)).toBe(true)
    expect(plainLetters(text)).toEqual([])
    expect(text).toContain('Šîĝñ îñ')
    const long = 'The projects service had a problem. Try again in a moment.'
    expect(pseudoText(long).length).toBeGreaterThanOrEqual(Math.ceil(long.length * 1.3))
  })

  it('keeps what a message function is given (an email, a name, another message) as it is', () => {
    const en = {
      deleted: (name: string) => `Deleted “${name}”.`,
      count: (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`,
      failed: (name: string, reason: string) => `Could not delete “${name}”. ${reason}`,
    }
    const t = pseudoLocalize(en)
    expect(t.deleted('Apple pie')).toMatch(/^⟦Ðéļéţéḋ “Apple pie”\. .+⟧$/)
    expect(t.count(1)).toMatch(/^⟦1 éñţŕý .+⟧$/)
    const reason = pseudoText('Try again.')
    const failed = t.failed('x', reason)
    expect(failed).toContain(reason)
    expect(plainLetters(failed.replace(reason, '').replace('“x”', ''))).toEqual([])
  })

  it('transforms every string of a nested dictionary and leaves no key out', () => {
    const en = { title: 'Projects', rules: { length: 'at least 8 characters' }, n: 3 }
    const t = pseudoLocalize(en)
    expect(Object.keys(t)).toEqual(Object.keys(en))
    expect(t.rules.length).toMatch(/^⟦áţ ļéášţ 8 çĥáŕáçţéŕš .+⟧$/)
    expect(t.n).toBe(3)
    expect(pseudoLocalize(en)).toBe(t) // the same object on every render
  })
})
