/**
 * ui-react's primitives (fields, buttons, alert) read its theme for two things:
 * the breakpoints, for responsive style props, and the design tokens, to turn a
 * style prop such as `gap="small"` into `var(--amplify-space-small)`. The app
 * styles them with ui-react's CSS classes and its own CSS and passes no such
 * props, yet the default theme object (every token of every component, about
 * 80 kB minified, 10 kB gzipped) loaded with every auth screen, first paint
 * included. At build, this gives ui-react a theme of the breakpoints alone.
 *
 * With no tokens a token-named style prop would pass through as written (an
 * invalid value): tests/setup/vitest-setup.ts fails any unit test whose screen
 * carries a token-derived inline style, which the real theme (unit tests don't
 * run this plugin) would have produced. If a ui-react update moves what this
 * rewrites, the build fails here rather than quietly loading the tokens again.
 */
import { createTheme } from '@aws-amplify/ui'
import type { Plugin } from 'vite'

// The installed ui-react's own breakpoints, read here at build time.
const BREAKPOINTS = `const __breakpoints = ${JSON.stringify(createTheme().breakpoints)};`
const MINIMAL_THEME = `{ name: 'default-theme', breakpoints: __breakpoints, tokens: {} }`

/** Each module that builds or reads the default theme, and the import it is given instead. */
const rewrites: { module: RegExp; from: string; to: string }[] = [
  {
    // The context's default value: createTheme() with no overrides.
    module:
      /[\\/]ui-react[\\/]dist[\\/]esm[\\/]components[\\/]ThemeProvider[\\/]ThemeContext\.mjs$/,
    from: `import { createTheme } from '@aws-amplify/ui';`,
    to: `${BREAKPOINTS} const createTheme = () => (${MINIMAL_THEME});`,
  },
  {
    // useTheme's fallback outside any context.
    module: /[\\/]ui-react[\\/]dist[\\/]esm[\\/]hooks[\\/]useTheme\.mjs$/,
    from: `import { createTheme } from '@aws-amplify/ui';`,
    to: `${BREAKPOINTS} const createTheme = () => (${MINIMAL_THEME});`,
  },
  {
    // Reads only defaultTheme.breakpoints.values.
    module:
      /[\\/]ui-react[\\/]dist[\\/]esm[\\/]primitives[\\/]shared[\\/]responsive[\\/]utils\.mjs$/,
    from: `import { defaultTheme } from '@aws-amplify/ui';`,
    to: `${BREAKPOINTS} const defaultTheme = { breakpoints: __breakpoints };`,
  },
]

export function uiThemeWithoutTokensPlugin(): Plugin {
  const done = new Set<RegExp>()
  return {
    name: 'ui-theme-without-tokens',
    apply: 'build',
    transform(code, id) {
      const rewrite = rewrites.find(({ module }) => module.test(id))
      if (!rewrite) return null
      if (!code.includes(rewrite.from)) {
        this.error(`${id} no longer has "${rewrite.from}": update build/ui-theme-without-tokens.ts`)
      }
      done.add(rewrite.module)
      return code.replace(rewrite.from, rewrite.to)
    },
    buildEnd(error) {
      if (error) return
      const missed = rewrites.filter(({ module }) => !done.has(module))
      if (missed.length > 0) {
        this.error(
          `build/ui-theme-without-tokens.ts found no ${missed.map(({ module }) => module).join(', ')}`,
        )
      }
    },
  }
}
