import { useValueChosenEarly } from '@/lib/chosen-early'
import { languageName, languages, useLanguage, useMessages } from '@/lib/i18n'
import { languageSwitcherMessages } from './language-switcher-messages'

export function LanguageSwitcher() {
  const { language, setLanguage } = useLanguage()
  const t = useMessages(languageSwitcherMessages)
  const choose = (value: string) => {
    const next = languages.find((code) => code === value)
    if (next) setLanguage(next)
  }
  const ref = useValueChosenEarly<HTMLSelectElement>(language, choose)
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t.label}</span>
      <select ref={ref} value={language} onChange={(event) => choose(event.target.value)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </label>
  )
}
