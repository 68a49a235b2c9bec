import { defineMessages } from '@/lib/i18n'

export const federatedAccountMessages = defineMessages({
  en: {
    signedInWith: (name: string) => `Signed in with ${name}`,
    federatedPassword: (name: string) =>
      `Your password, and any second step at sign-in, are managed by ${name}, not here.`,
  },
  ja: {
    signedInWith: (name: string) => `${name} でサインインしています`,
    federatedPassword: (name: string) =>
      `パスワードとサインイン時の追加の確認は、ここではなく ${name} で管理されています。`,
  },
})
