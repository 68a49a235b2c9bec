import { defineMessages } from '@/lib/i18n'

export const signUpMessages = defineMessages({
  en: {
    title: 'Create an account',
    intro: 'Your email address is your user name. We send a code to it to confirm the account.',
    password: 'Choose a password',
    submit: 'Create account',
    busy: 'Creating your account…',
    haveAccount: 'Already have an account?',
    signIn: 'Sign in',
  },
  ja: {
    title: 'アカウントを作成',
    intro:
      'メールアドレスがユーザー名になります。アカウントの確認のため、このアドレスにコードを送ります。',
    password: 'パスワードを決める',
    submit: 'アカウントを作成',
    busy: 'アカウントを作成しています…',
    haveAccount: 'アカウントをお持ちですか?',
    signIn: 'サインイン',
  },
})
