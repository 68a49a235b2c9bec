import type { MfaMethod } from '@/lib/auth-calls'
import { defineMessages } from '@/lib/i18n'

export const mfaMessages = defineMessages({
  en: {
    title: 'Two-step sign-in',
    optionalIntro:
      'Protect your account with a second step after your password: a code from an app or a message.',
    required:
      'Your organisation requires a second step at every sign-in, for everyone. You can change how you get your codes; one way always stays on.',
    loading: 'Loading your sign-in settings…',
    unreadable: 'Your two-step sign-in settings can’t be read right now.',
    retry: 'Try again',
    method: {
      TOTP: 'Authenticator app',
      SMS: 'Text message (SMS)',
      EMAIL: 'E-mail',
    } satisfies Record<MfaMethod, string>,
    on: 'On',
    off: 'Off',
    preferredMark: ' (asked first)',
    setUpTotp: 'Set up an authenticator app',
    turnOn: (method: string) => `Turn on ${method}`,
    turnOff: (method: string) => `Turn off ${method}`,
    cancelSetup: 'Cancel set-up',
    preferredLegend: 'Ask me first for',
    totpOn: 'Your authenticator app is set up: you’ll be asked for its code when you sign in.',
    changed: 'Saved.',
  },
  ja: {
    title: '2 段階サインイン',
    optionalIntro:
      'パスワードの後に 2 段階目の確認 (アプリやメッセージのコード) を加えて、アカウントを守れます。',
    required:
      '組織の設定により、すべてのユーザーはサインインのたびに 2 段階目の確認が必要です。コードの受け取り方法は変更できますが、少なくとも 1 つは常に有効です。',
    loading: 'サインイン設定を読み込んでいます…',
    unreadable: '2 段階サインインの設定を読み込めません。',
    retry: '再試行',
    method: {
      TOTP: '認証アプリ',
      SMS: 'SMS (テキストメッセージ)',
      EMAIL: 'メール',
    },
    on: 'オン',
    off: 'オフ',
    preferredMark: ' (最初に使う方法)',
    setUpTotp: '認証アプリを設定',
    turnOn: (method: string) => `${method}をオンにする`,
    turnOff: (method: string) => `${method}をオフにする`,
    cancelSetup: '設定をやめる',
    preferredLegend: '最初に使う方法',
    totpOn: '認証アプリを設定しました。サインイン時にアプリのコードを求められます。',
    changed: '保存しました。',
  },
})
