// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * A string in a dictionary that no code reads is a translation someone keeps
 * up to date for nothing: every key of every `defineMessages` dictionary must
 * be read somewhere in src (as `.key` or `['key']`). A dictionary typed as a
 * Record of some union (`defineMessages<Record<ApiErrorKind, string>>`) is read
 * by a key of that union, and its type already holds it to exactly those keys.
 */
const root = join(import.meta.dirname, '..')
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )
const sources = walk(root)
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }))

/** Each dictionary's English keys, and the source with the dictionary itself left out. */
function dictionaries() {
  const found: { where: string; keys: string[]; definition: string }[] = []
  for (const { file, text } of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        node.expression.getText(source) === 'defineMessages' &&
        !node.typeArguments &&
        node.arguments[0] &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const en = node.arguments[0].properties.find(
          (property) => property.name?.getText(source) === 'en',
        )
        if (en && ts.isPropertyAssignment(en) && ts.isObjectLiteralExpression(en.initializer)) {
          found.push({
            where: relative(root, file),
            keys: en.initializer.properties.flatMap((property) =>
              property.name ? [property.name.getText(source).replace(/^['"]|['"]$/g, '')] : [],
            ),
            definition: node.getText(source),
          })
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

describe('the dictionaries', () => {
  const all = dictionaries()

  it('are found (the check below looks at something)', () => {
    expect(all.length).toBeGreaterThan(15)
  })

  it('hold no string that nothing shows', () => {
    const code = sources.map(({ text }) => text)
    const unused = all.flatMap(({ where, keys, definition }) => {
      const elsewhere = code.map((text) => text.replace(definition, '')).join('\n')
      return keys
        .filter((key) => !new RegExp(`\\.${key}\\b|\\[['"]${key}['"]\\]`).test(elsewhere))
        .map((key) => `${where}: ${key}`)
    })
    expect(unused).toEqual([])
  })
})
