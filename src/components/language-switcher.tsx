import { languageName, languages, useLanguage, useMessages } from '@/lib/i18n'
import { languageSwitcherMessages } from './language-switcher-messages'

export function LanguageSwitcher() {
  const { language, setLanguage } = useLanguage()
  const t = useMessages(languageSwitcherMessages)
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t.label}</span>
      <select
        value={language}
        onChange={(event) => {
          const next = languages.find((code) => code === event.target.value)
          if (next) setLanguage(next)
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </label>
  )
}
