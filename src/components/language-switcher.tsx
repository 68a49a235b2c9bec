import { defineMessages, languageName, languages, useLanguage, useMessages } from '@/lib/i18n'

const messages = defineMessages({ en: { label: 'Language' }, ja: { label: '言語' } })

export function LanguageSwitcher() {
  const { language, setLanguage } = useLanguage()
  const t = useMessages(messages)
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
