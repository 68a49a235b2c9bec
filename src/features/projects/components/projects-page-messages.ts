import { defineMessages } from '@/lib/languages'

/** The projects page, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const projectsPageMessages = defineMessages({
  en: {
    title: 'Projects',
    intro: 'The projects shared by everyone on your team.',
    loading: 'Loading projects…',
    loadFailed: 'The projects could not be loaded.',
    retry: 'Try again',
    refreshFailed: 'The list could not be refreshed; it is shown as last loaded.',
    empty: 'There are no projects yet. Create the first one with the form above.',
    unreadable: (count: number) =>
      `${count === 1 ? 'One entry' : `${count} entries`} from the service had no usable id and ${count === 1 ? 'is' : 'are'} not shown.`,
    capped: 'The API lists at most 50 projects, so some may be missing here.',
    asOf: (time: string) => `The list as of ${time}, from your last visit. Checking for changes…`,
  },
  ja: {
    title: 'プロジェクト',
    intro: 'チーム全員で共有しているプロジェクトです。',
    loading: 'プロジェクトを読み込み中…',
    loadFailed: 'プロジェクトを読み込めませんでした。',
    retry: '再試行',
    refreshFailed: '一覧を更新できませんでした。前回読み込んだ内容を表示しています。',
    empty: 'プロジェクトはまだありません。上のフォームから最初のプロジェクトを作成してください。',
    unreadable: (count: number) =>
      `サービスから届いた ${count} 件の項目は有効な ID がないため表示していません。`,
    capped:
      'API が返すプロジェクトは最大 50 件のため、ここに表示されていないプロジェクトがあるかもしれません。',
    asOf: (time: string) => `前回表示した ${time} 時点の一覧です。変更を確認しています…`,
  },
})
