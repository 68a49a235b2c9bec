import { defineMessages } from '@/lib/i18n'

export const localModeMessages = defineMessages({
  en: {
    banner:
      'Local mode: this app runs against a local emulator of Cognito and the API. No e-mail is sent and no AWS account is used.',
    showInbox: 'E-mailed codes',
    inboxTitle: 'Codes and passwords the emulator “sent”',
    empty:
      'Nothing yet. Sign up, ask for a password reset or sign in with MFA, and the code shows up here.',
    refresh: 'Refresh',
    unreadable: 'The emulator’s inbox can’t be read right now.',
    kinds: {
      'sign-up': 'sign-up',
      resend: 'new sign-up code',
      'forgot-password': 'password reset',
      'sign-in': 'sign-in code',
      'admin-reset': 'reset by an administrator',
      'temporary-password': 'invitation: temporary password',
      'sms-mfa': 'sign-in code by SMS',
      'email-mfa': 'sign-in code by e-mail',
    },
    codeFor: (to: string, kind: string) => `${to} (${kind})`,
  },
  ja: {
    banner:
      'ローカルモード: このアプリは Cognito と API のローカルエミュレーターで動いています。メールは送信されず、AWS アカウントも使いません。',
    showInbox: 'メールで送られたコード',
    inboxTitle: 'エミュレーターが「送信した」コードとパスワード',
    empty:
      'まだ何もありません。登録、パスワードの再設定、MFA 付きのサインインをすると、ここにコードが表示されます。',
    refresh: '更新',
    unreadable: 'エミュレーターの受信箱を今は読めません。',
    kinds: {
      'sign-up': '登録',
      resend: '登録コードの再送',
      'forgot-password': 'パスワード再設定',
      'sign-in': 'サインインコード',
      'admin-reset': '管理者によるリセット',
      'temporary-password': '招待: 仮パスワード',
      'sms-mfa': 'SMS のサインインコード',
      'email-mfa': 'メールのサインインコード',
    },
    codeFor: (to: string, kind: string) => `${to} (${kind})`,
  },
})
