import { defineMessages } from '@/lib/languages'

/** The header's account link and sign-out button, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const accountMenuMessages = defineMessages({
  en: { account: 'Account', signOut: 'Sign out', signIn: 'Sign in', menu: 'Your account' },
  ja: { account: 'アカウント', signOut: 'サインアウト', signIn: 'サインイン', menu: 'アカウント' },
})
