import { defineMessages } from '@/lib/languages'

/** The header's language switcher, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const languageSwitcherMessages = defineMessages({
  en: { label: 'Language' },
  ja: { label: '言語' },
})
