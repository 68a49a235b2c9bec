/**
 * ui-react's primitives (fields, buttons, alert) read its theme for two things:
 * the breakpoints, for responsive style props, and the design tokens, to turn a
 * style prop such as `gap="small"` into `var(--amplify-space-small)`. The app
 * styles them with ui-react's CSS classes and its own CSS and passes no such
 * props, yet the default theme object (every token of every component, about
 * 80 kB minified, 10 kB gzipped) loaded with every auth screen, first paint
 * included. At build, this gives ui-react a theme of the breakpoints alone.
 *
 * The unit tests run the same theme (the plugin applies to them too), so a
 * primitive that reads a token in JS fails there as it would in production. With
 * no tokens a token-named style prop would pass through as written (an invalid
 * value): tests/setup/vitest-setup.ts fails any unit test whose screen gives a
 * primitive an inline style. tests/infra/ui-theme-without-tokens.test.ts fails
 * when a ui-react update changes what these modules import or how they use it,
 * and the build fails here if one of them moves.
 */
import { createTheme } from '@aws-amplify/ui'
import type { Plugin } from 'vite'

// The installed ui-react's own breakpoints, read here at build time.
const BREAKPOINTS = `const __breakpoints = ${JSON.stringify(createTheme().breakpoints)};`
const MINIMAL_THEME = `{ name: 'default-theme', breakpoints: __breakpoints, tokens: {} }`

export interface ThemeRewrite {
  /** The module, under @aws-amplify/ui-react/dist/esm/. */
  file: string
  from: string
  to: string
  /**
   * The only way the module may use what it imported, every time: anything else
   * would need more of the theme than the rewrite gives it
   * (tests/infra/ui-theme-without-tokens.test.ts checks the installed modules).
   */
  onlyAs: string
}

/** Each module that builds or reads the default theme, and the import it is given instead. */
export const rewrites: ThemeRewrite[] = [
  {
    // The context's default value: createTheme() with no overrides.
    file: 'components/ThemeProvider/ThemeContext.mjs',
    from: `import { createTheme } from '@aws-amplify/ui';`,
    to: `${BREAKPOINTS} const createTheme = () => (${MINIMAL_THEME});`,
    onlyAs: 'createTheme()',
  },
  {
    // useTheme's fallback outside any context.
    file: 'hooks/useTheme.mjs',
    from: `import { createTheme } from '@aws-amplify/ui';`,
    to: `${BREAKPOINTS} const createTheme = () => (${MINIMAL_THEME});`,
    onlyAs: 'createTheme()',
  },
  {
    // Reads only the breakpoints' names.
    file: 'primitives/shared/responsive/utils.mjs',
    from: `import { defaultTheme } from '@aws-amplify/ui';`,
    to: `${BREAKPOINTS} const defaultTheme = { breakpoints: __breakpoints };`,
    onlyAs: 'defaultTheme.breakpoints.values',
  },
]

const moduleOf =
  ({ file }: ThemeRewrite) =>
  (id: string) =>
    id.replaceAll('\\', '/').endsWith(`/@aws-amplify/ui-react/dist/esm/${file}`)

export function uiThemeWithoutTokensPlugin(): Plugin {
  const done = new Set<ThemeRewrite>()
  let testRun = false
  return {
    name: 'ui-theme-without-tokens',
    // The build, and the unit tests (vite.config.ts has them load ui-react
    // through Vite so that this runs), so what the tests render is what ships.
    // Not `npm run dev`, whose dependencies Vite bundles ahead without plugins.
    apply: (_config, { command, mode }) => command === 'build' || mode === 'test',
    configResolved(config) {
      testRun = config.mode === 'test'
    },
    transform(code, id) {
      const rewrite = rewrites.find((candidate) => moduleOf(candidate)(id))
      if (!rewrite) return null
      if (!code.includes(rewrite.from)) {
        this.error(`${id} no longer has "${rewrite.from}": update build/ui-theme-without-tokens.ts`)
      }
      done.add(rewrite)
      return code.replace(rewrite.from, rewrite.to)
    },
    buildEnd(error) {
      // Only a build sees every module; a test run loads those its screens need.
      if (error || testRun) return
      const missed = rewrites.filter((rewrite) => !done.has(rewrite))
      if (missed.length > 0) {
        this.error(
          `build/ui-theme-without-tokens.ts found no ${missed.map(({ file }) => file).join(', ')}`,
        )
      }
    },
  }
}
