import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/api-client'
import { parseProjectId, parseProjects } from './parse-projects'

describe('parseProjectId', () => {
  it.each([
    [200, 200],
    ['200', 200],
    ['0.2e3', 200],
    ['2E+2', 200],
    ['2e2', 200],
    [' 200 ', 200],
    ['200.0', 200],
    ['.5e3', 500],
    ['+7', 7],
    ['-7', -7],
    ['0', 0],
    [-0, 0],
    ['9007199254740991', 9_007_199_254_740_991],
  ])('reads %j as %j', (wire, id) => {
    expect(parseProjectId(wire)).toBe(id)
  })

  it.each([
    ['abc'],
    [''],
    ['  '],
    ['1.5'],
    [1.5],
    ['0x10'],
    ['1e400'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ['Infinity'],
    ['9007199254740993'], // not exactly representable: sending it back would hit another key
    ['2 00'],
    [null],
    [true],
    [[200]],
    [{ id: 200 }],
  ])('refuses %j', (wire) => {
    expect(parseProjectId(wire)).toBeUndefined()
  })
})

describe('parseProjects', () => {
  it('turns the wire format into clean projects', () => {
    const body = [
      { 'project-id': '0.2e3', name: 'Typing', 'is-default': false },
      { name: 'Main', 'project-id': 1, 'is-default': true, owner: 'ignored' },
    ]
    expect(parseProjects(body)).toEqual({
      items: [
        { id: 200, name: 'Typing', isDefault: false },
        { id: 1, name: 'Main', isDefault: true },
      ],
      unreadable: 0,
      listed: 2,
    })
  })

  it.each([
    [undefined, false],
    [null, false],
    [true, true],
    ['true', true],
    [' TRUE ', true],
    ['false', false],
    ['yes', false],
    [1, false],
  ])('reads is-default %j as %j', (wire, isDefault) => {
    const [project] = parseProjects([{ 'project-id': 1, name: 'A', 'is-default': wire }]).items
    expect(project?.isDefault).toBe(isDefault)
  })

  it.each([
    ['Typing', 'Typing'],
    [42, '42'],
    [undefined, ''],
    [null, ''],
    [{ en: 'x' }, ''],
  ])('reads name %j as %j', (wire, name) => {
    expect(parseProjects([{ 'project-id': 1, name: wire }]).items[0]?.name).toBe(name)
  })

  it('leaves out and counts entries without a usable id', () => {
    const body = [
      { 'project-id': 'abc', name: 'A' },
      { name: 'no id' },
      { 'project-id': '1.5', name: 'B' },
      null,
      'text',
      [1],
      { 'project-id': 3, name: 'C' },
    ]
    expect(parseProjects(body)).toEqual({
      items: [{ id: 3, name: 'C', isDefault: false }],
      unreadable: 6,
      listed: 7,
      unflagged: [3],
    })
  })

  it('names the items that came without is-default, the mark of a PUT that re-created a deleted project', () => {
    const body = [
      { 'project-id': 1, name: 'Main', 'is-default': true },
      { 'project-id': '200', name: 'Re-created' },
      { 'project-id': 7, name: 'Odd', 'is-default': null },
    ]
    const list = parseProjects(body)
    expect(list.unflagged).toEqual([200])
    expect(list.items.map((p) => p.isDefault)).toEqual([true, false, false])
  })

  it('keeps the first of two entries with the same id', () => {
    const body = [
      { 'project-id': '200', name: 'First' },
      { 'project-id': '0.2e3', name: 'Second' },
    ]
    expect(parseProjects(body).items).toEqual([{ id: 200, name: 'First', isDefault: false }])
  })

  it.each([[{ message: 'Internal server error' }], ['<html>'], [null], [42], [{ Items: [] }]])(
    'calls %j a bad response instead of crashing',
    (body) => {
      expect(() => parseProjects(body)).toThrow(ApiError)
      try {
        parseProjects(body)
      } catch (error) {
        expect(error).toMatchObject({ kind: 'bad-response' })
      }
    },
  )

  it('keeps hostile names as plain text', () => {
    const name = '<img src=x onerror=alert(1)>🙂 مشروع'
    expect(parseProjects([{ 'project-id': 1, name }]).items[0]?.name).toBe(name)
  })
})
