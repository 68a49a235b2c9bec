/**
 * ui-react's base.css declares the design tokens of every one of its
 * components (`--amplify-components-tabs-…`, `--amplify-components-rating-…`):
 * about half of the auth screens' CSS, while the app imports the CSS of a dozen
 * components only. This drops, at build, each component token that no rule and
 * no kept token of the same stylesheet refers to (`var(--name)`). Global tokens
 * (colours, spaces, fonts) are all kept: primitives turn style props into
 * `var(--amplify-space-…)` at run time, which no scan could see.
 *
 * The result depends on the stylesheet alone, so its hashed file name (computed
 * before this runs) still names one content.
 */
import type { Plugin } from 'vite'

const DECLARATION = /(--[\w-]+):([^;}]*)([;}])/g
const COMPONENT_TOKEN = /^--amplify-components-/

const references = (text: string) =>
  [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]!)

/** `css` without the component tokens it never uses. */
export function dropUnusedComponentTokens(css: string): string {
  const values = new Map<string, string[]>()
  for (const [, name, value] of css.matchAll(DECLARATION)) {
    values.set(name!, [...(values.get(name!) ?? []), value!])
  }
  // Roots: every reference from a rule, and every token that isn't a component's.
  const used = new Set([
    ...references(css.replace(DECLARATION, '$3')),
    ...[...values.keys()].filter((name) => !COMPONENT_TOKEN.test(name)),
  ])
  // A Set's iteration visits what is added while it runs: this follows references to the end.
  for (const name of used) {
    for (const value of values.get(name) ?? []) for (const ref of references(value)) used.add(ref)
  }
  return css.replace(DECLARATION, (declaration, name: string, _value, end: string) =>
    used.has(name) ? declaration : end === '}' ? '}' : '',
  )
}

export function unusedUiTokensPlugin(): Plugin {
  return {
    name: 'unused-ui-tokens',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue
          const css = String(file.source)
          if (css.includes('--amplify-components-')) file.source = dropUnusedComponentTokens(css)
        }
      },
    },
  }
}
