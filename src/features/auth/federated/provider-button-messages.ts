import { defineMessages } from '@/lib/i18n'

export const providerButtonMessages = defineMessages({
  en: {
    continueWith: (name: string) => `Continue with ${name}`,
    or: 'or',
    startFailed: 'The sign-in page could not be opened. Check your connection and try again.',
  },
  ja: {
    continueWith: (name: string) => `${name} で続行`,
    or: 'または',
    startFailed: 'サインインのページを開けませんでした。接続を確認して、もう一度お試しください。',
  },
})
