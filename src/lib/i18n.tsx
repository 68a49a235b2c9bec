import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react'
import { detectLanguage, messagesIn, readStored, STORAGE_KEY, type Language } from './languages'

/** The app's side of languages.ts: the language in use, and its dictionaries, as hooks. */
export {
  defineMessages,
  detectLanguage,
  languageName,
  languages,
  readStored,
  type Language,
} from './languages'

interface LanguageState {
  language: Language
  setLanguage: (language: Language) => void
}

const LanguageContext = createContext<LanguageState | null>(null)

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
  return messagesIn(messages, useLanguage().language)
}
