import { defineMessages } from '@/lib/i18n'

export const forgotPasswordMessages = defineMessages({
  en: {
    title: 'Reset your password',
    intro: 'Type the email address of your account. If it has one, we send a code to it.',
    send: 'Send code',
    sending: 'Sending…',
    resetTitle: 'Choose a new password',
    sentTo: (email: string) =>
      `If ${email} has an account, a code is on its way there. Type it here with a new password.`,
    code: 'Code from the e-mail',
    newPassword: 'New password',
    submit: 'Change password',
    busy: 'Changing…',
    otherEmail: 'Use another email address',
    required: (email: string) =>
      `Your password was reset by an administrator, so you need a new one. We e-mailed a code to ${email}: type it here with a new password.`,
    newCode: 'Didn’t get the code? Send a new one',
    back: 'Back to sign-in',
  },
  ja: {
    title: 'パスワードの再設定',
    intro:
      'アカウントのメールアドレスを入力してください。アカウントがあれば、そのアドレスにコードを送ります。',
    send: 'コードを送信',
    sending: '送信しています…',
    resetTitle: '新しいパスワードを決める',
    sentTo: (email: string) =>
      `${email} のアカウントがあれば、コードを送りました。コードと新しいパスワードを入力してください。`,
    code: 'メールに記載されたコード',
    newPassword: '新しいパスワード',
    submit: 'パスワードを変更',
    busy: '変更しています…',
    otherEmail: '別のメールアドレスを使う',
    required: (email: string) =>
      `管理者がパスワードをリセットしたため、新しいパスワードが必要です。${email} にコードをメールで送りました。コードと新しいパスワードを入力してください。`,
    newCode: 'コードが届かない場合は、新しいコードを送信',
    back: 'サインインに戻る',
  },
})
