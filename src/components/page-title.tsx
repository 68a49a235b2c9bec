import { defineMessages, useMessages } from '@/lib/i18n'

const messages = defineMessages({
  en: { appName: 'Projects', title: (page: string) => `${page} · Projects` },
  ja: { appName: 'プロジェクト', title: (page: string) => `${page} · プロジェクト` },
})

/**
 * The document's title for the page on screen, in the current language: the
 * page's name, then the app's ("Sign in · Projects"); the app's name alone
 * where the page is the app's home. React places it in <head>, ahead of
 * index.html's, and takes it out when the page goes.
 */
export function PageTitle({ page }: { page?: string }) {
  const t = useMessages(messages)
  return <title>{page ? t.title(page) : t.appName}</title>
}
