import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { useTheme } from '@aws-amplify/ui-react'
import { createTheme } from '@aws-amplify/ui'
import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { rewrites } from '../../build/ui-theme-without-tokens'

// The package's CommonJS entry is dist/index.js; the modules the build rewrites are in dist/esm.
const uiReactDist = dirname(createRequire(import.meta.url).resolve('@aws-amplify/ui-react'))

describe("the build's ui-react theme without design tokens (build/ui-theme-without-tokens.ts)", () => {
  it.each(rewrites)(
    'finds $file in the installed ui-react, importing the theme as it expects and using it only as $onlyAs',
    ({ file, from, onlyAs }) => {
      const source = readFileSync(join(uiReactDist, 'esm', file), 'utf8')
      expect(source.split(from)).toHaveLength(2)
      const rest = source.replace(from, '')
      // Every other mention of what it imported is the one use the rewrite provides for.
      const name = /import \{ (\w+) \}/.exec(from)![1]!
      const mentions = rest.match(new RegExp(`\\b${name}\\b[\\w.(]*\\)?`, 'g')) ?? []
      expect(mentions.length).toBeGreaterThan(0)
      expect(new Set(mentions)).toEqual(new Set([onlyAs]))
      expect(rest).not.toContain("@aws-amplify/ui'")
    },
  )

  it('gives the unit tests the theme the build ships: the breakpoints, and no tokens', () => {
    const { result } = renderHook(() => useTheme())
    expect(result.current.tokens).toEqual({})
    expect(result.current.breakpoints).toEqual(createTheme().breakpoints)
  })
})
