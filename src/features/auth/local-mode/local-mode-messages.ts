import { defineMessages } from '@/lib/i18n'

export const localModeMessages = defineMessages({
  en: {
    banner:
      'Local mode: this app runs against a local emulator of Cognito and the API. No e-mail is sent and no AWS account is used.',
    showInbox: 'E-mailed codes',
    inboxTitle: 'Codes the emulator “e-mailed”',
    empty: 'No codes yet. Sign up or ask for a password reset, and the code shows up here.',
    refresh: 'Refresh',
    unreadable: 'The emulator’s inbox can’t be read right now.',
    kinds: {
      'sign-up': 'sign-up',
      resend: 'new sign-up code',
      'forgot-password': 'password reset',
      'sign-in': 'sign-in code',
    },
    codeFor: (to: string, kind: string) => `${to} (${kind})`,
  },
  ja: {
    banner:
      'ローカルモード: このアプリは Cognito と API のローカルエミュレーターで動いています。メールは送信されず、AWS アカウントも使いません。',
    showInbox: 'メールで送られたコード',
    inboxTitle: 'エミュレーターが「メールで送った」コード',
    empty:
      'コードはまだありません。登録するかパスワードの再設定を申し込むと、ここにコードが表示されます。',
    refresh: '更新',
    unreadable: 'エミュレーターの受信箱を今は読めません。',
    kinds: {
      'sign-up': '登録',
      resend: '登録コードの再送',
      'forgot-password': 'パスワード再設定',
      'sign-in': 'サインインコード',
    },
    codeFor: (to: string, kind: string) => `${to} (${kind})`,
  },
})
