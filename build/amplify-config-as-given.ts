/**
 * `Amplify.configure` passes its config through `parseAmplifyConfig`, which
 * converts the files Amplify's CLIs generate (`aws-exports.js`,
 * `amplify_outputs.json`) into a ResourcesConfig and returns a ResourcesConfig
 * unchanged. The app only ever passes a ResourcesConfig (src/lib/auth-config.ts),
 * yet the two converters (about 7.5 kB minified, 2.9 kB gzipped) load with
 * Amplify on every visit. At build, this swaps the parser for
 * parse-amplify-config.mjs, which returns the config as given and refuses either
 * file format, so such a config fails loudly instead of being misread.
 * tests/infra/amplify-config-as-given.test.ts holds both parsers to the same
 * answer. If an Amplify update moves the parser, the build fails here rather
 * than quietly keeping the converters.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const PARSER = /[\\/]@aws-amplify[\\/]core[\\/]dist[\\/]esm[\\/]utils[\\/]parseAmplifyConfig\.mjs$/
const REPLACEMENT = fileURLToPath(new URL('./parse-amplify-config.mjs', import.meta.url))

export function amplifyConfigAsGivenPlugin(): Plugin {
  let replaced = false
  return {
    name: 'amplify-config-as-given',
    apply: 'build',
    load(id) {
      if (!PARSER.test(id)) return null
      replaced = true
      return readFileSync(REPLACEMENT, 'utf8')
    },
    buildEnd(error) {
      if (!error && !replaced) {
        this.error(
          "@aws-amplify/core's parseAmplifyConfig is no longer where " +
            'build/amplify-config-as-given.ts expects it: update or remove that plugin.',
        )
      }
    },
  }
}
