import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react'
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

const STORAGE_KEY = 'language'

export function defineMessages<T extends Record<string, unknown>>(messages: {
  en: T
  ja: NoInfer<T>
}) {
  return messages
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

interface LanguageState {
  language: Language
  setLanguage: (language: Language) => void
}

const LanguageContext = createContext<LanguageState | null>(null)

/** The language the user chose here before, if any. */
export function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null // storage disabled: fall back to the browser's language
  }
}

export function LanguageProvider({
  children,
  initial,
}: {
  children: ReactNode
  /** The build's prerendered pages are drawn in each language in turn (src/prerender.tsx). */
  initial?: Language
}) {
  const [language, setLanguageState] = useState<Language>(
    () => initial ?? detectLanguage(readStored()),
  )

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  const value = useMemo<LanguageState>(
    () => ({
      language,
      setLanguage: (next) => {
        setLanguageState(next)
        try {
          localStorage.setItem(STORAGE_KEY, next)
        } catch {
          // Not remembered, but the switch still works for this visit.
        }
        // The CDN reads it to serve the prerendered pages in this language (infra/hosting.yaml).
        document.cookie = `${STORAGE_KEY}=${next}; path=/; max-age=31536000; samesite=lax`
      },
    }),
    [language],
  )
  return <LanguageContext value={value}>{children}</LanguageContext>
}

export function useLanguage(): LanguageState {
  const state = use(LanguageContext)
  if (!state) throw new Error('useLanguage must be used inside <LanguageProvider>')
  return state
}

/** The dictionary of `messages` in the current language. */
export function useMessages<T>(messages: { en: T; ja: T }): T {
  const { language } = useLanguage()
  if (withPseudoLocale && language === PSEUDO_LANGUAGE) return pseudoLocalize(messages.en)
  return language === 'ja' ? messages.ja : messages.en
}
