import { describe, expect, it } from 'vitest'
import { safeNextPath, withNext } from './next-path'

describe('safeNextPath', () => {
  it.each([
    ['/account', '/account'],
    ['/projects?sort=name#top', '/projects?sort=name#top'],
    [null, '/projects'],
    ['https://evil.example/steal', '/projects'],
    ['//evil.example', '/projects'],
    ['/\\evil.example', '/projects'],
    ['javascript:alert(1)', '/projects'],
    ['/sign-in', '/projects'],
  ])('sends %s to %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected)
  })

  it('keeps the page in the sign-in link', () => {
    expect(withNext('/sign-in', '/account')).toBe('/sign-in?next=%2Faccount')
    expect(withNext('/sign-in', '//evil.example')).toBe('/sign-in')
  })
})
