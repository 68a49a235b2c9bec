import { defineMessages } from '@/lib/i18n'

export const confirmSignUpMessages = defineMessages({
  en: {
    title: 'Confirm your email',
    sentTo: (email: string) => `We sent a code to ${email}. Type it here to confirm your account.`,
    notConfirmedYet: (email: string) =>
      `Your account isn’t confirmed yet. We sent a new code to ${email}; type it here to finish.`,
    askEmail: 'Type the email address you signed up with and the code we sent to it.',
    code: 'Confirmation code',
    submit: 'Confirm',
    busy: 'Confirming…',
    resend: 'Send a new code',
    resending: 'Sending…',
    resent: (email: string) => `A new code is on its way to ${email}. Only the newest code works.`,
    signIn: 'Go to sign-in',
  },
  ja: {
    title: 'メールアドレスの確認',
    sentTo: (email: string) =>
      `${email} にコードを送りました。ここに入力してアカウントを確認してください。`,
    notConfirmedYet: (email: string) =>
      `アカウントはまだ確認されていません。${email} に新しいコードを送りました。ここに入力して完了してください。`,
    askEmail: '登録したメールアドレスと、そこに届いたコードを入力してください。',
    code: '確認コード',
    submit: '確認する',
    busy: '確認しています…',
    resend: '新しいコードを送信',
    resending: '送信しています…',
    resent: (email: string) =>
      `${email} に新しいコードを送りました。使えるのは最新のコードだけです。`,
    signIn: 'サインインへ',
  },
})
