import { defineMessages } from '@/lib/languages'

/** The shell around every page, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const rootLayoutMessages = defineMessages({
  en: { appName: 'Projects', skipToContent: 'Skip to content', loading: 'Loading…' },
  ja: { appName: 'プロジェクト', skipToContent: '本文へスキップ', loading: '読み込み中…' },
})
