import { PSEUDO_LANGUAGE, pseudoLocalize } from './pseudo-locale'

/**
 * English and Japanese, picked from the browser, switchable and remembered.
 * Each feature keeps its own dictionary (`defineMessages`); TypeScript makes
 * sure the Japanese one has every key the English one has.
 *
 * Development and emulator builds add a third, the pseudo-locale (en-XA),
 * derived from the English strings, so the browser tests can prove that every
 * string on screen comes from a dictionary. The mode (`vite --mode`, not
 * NODE_ENV) is a build-time constant: a production build drops the pseudo-locale.
 *
 * Without React: the projects document's early module (src/start-list-request.ts)
 * draws the kept list in these words before React has arrived. The app's hooks
 * are in i18n.tsx.
 */
const mode = import.meta.env.MODE
const withPseudoLocale = mode === 'development' || mode === 'test' || mode === 'emulator'

export type Language = 'en' | 'ja' | typeof PSEUDO_LANGUAGE

export const languages: readonly Language[] = withPseudoLocale
  ? ['en', 'ja', PSEUDO_LANGUAGE]
  : ['en', 'ja']

/** Each language by its own name, as people look for it in the switcher. */
export function languageName(language: Language): string {
  if (language === 'ja') return '日本語'
  if (language === 'en' || !withPseudoLocale) return 'English'
  return pseudoLocalize('Pseudo-locale')
}

export const STORAGE_KEY = 'language'

export function defineMessages<T extends Record<string, unknown>>(messages: {
  en: T
  ja: NoInfer<T>
}) {
  return messages
}

/** The dictionary of `messages` in `language`. */
export function messagesIn<T>(messages: { en: T; ja: T }, language: Language): T {
  if (withPseudoLocale && language === PSEUDO_LANGUAGE) return pseudoLocalize(messages.en)
  return language === 'ja' ? messages.ja : messages.en
}

export function detectLanguage(
  stored: string | null,
  browser: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  if (stored === 'en' || stored === 'ja') return stored
  if (withPseudoLocale && stored === PSEUDO_LANGUAGE) return stored
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'ja') return 'ja'
    if (base === 'en') return 'en'
  }
  return 'en'
}

/** The language the user chose here before, if any. */
export function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null // storage disabled: fall back to the browser's language
  }
}
