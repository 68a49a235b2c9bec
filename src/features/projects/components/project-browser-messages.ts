import { defineMessages } from '@/lib/languages'

/** The list's filter box and count, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const projectBrowserMessages = defineMessages({
  en: {
    filter: 'Filter projects',
    filterHint: 'By name or id',
    list: 'Projects',
    count: (shown: string, total: string, filtered: boolean) =>
      filtered
        ? `${shown} of ${total} projects`
        : `${total} ${total === '1' ? 'project' : 'projects'}`,
    noMatch: (query: string) => `No project matches “${query}”.`,
    clear: 'Clear the filter',
    filterCapped: 'A search only looks through the projects listed here, so it may miss others.',
  },
  ja: {
    filter: 'プロジェクトを絞り込む',
    filterHint: '名前または ID',
    list: 'プロジェクト',
    count: (shown: string, total: string, filtered: boolean) =>
      filtered ? `${total} 件中 ${shown} 件のプロジェクト` : `${total} 件のプロジェクト`,
    noMatch: (query: string) => `「${query}」に一致するプロジェクトはありません。`,
    clear: '絞り込みを解除',
    filterCapped:
      '検索の対象はここに表示されているプロジェクトだけなので、ほかのプロジェクトは見つからないことがあります。',
  },
})
