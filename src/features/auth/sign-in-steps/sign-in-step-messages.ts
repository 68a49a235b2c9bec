import type { MfaMethod } from '@/lib/auth-calls'
import { defineMessages } from '@/lib/i18n'

export const signInStepMessages = defineMessages({
  en: {
    newPasswordTitle: 'Choose your password',
    newPasswordIntro:
      'You signed in with a temporary password. Choose your own password to finish signing in.',
    newPassword: 'New password',
    savePassword: 'Save and continue',
    saving: 'Saving…',
    codeTitle: 'Enter your sign-in code',
    codeIntro: {
      TOTP: 'Open your authenticator app and type the 6-digit code it shows for this account.',
      SMS: (to: string) => `We sent a 6-digit code by text message to ${to}.`,
      EMAIL: (to: string) => `We e-mailed a 6-digit code to ${to}.`,
    },
    verify: 'Verify',
    verifying: 'Verifying…',
    codeExpiry: 'The code must be entered within 3 minutes of signing in.',
    rememberBrowser: 'Remember this browser',
    rememberBrowserHint:
      'Next time you sign in here, no code is asked. Leave it unticked on a shared computer.',
    chooseTitle: 'How do you want to verify it’s you?',
    chooseSetupTitle: 'Set up a second sign-in step',
    chooseSetupIntro:
      'Your organisation asks for a second step at every sign-in. Choose how you want to get your codes.',
    chooseLegend: 'Send or show my code',
    method: {
      TOTP: 'Authenticator app',
      SMS: 'Text message (SMS)',
      EMAIL: 'E-mail',
    } satisfies Record<MfaMethod, string>,
    continue: 'Continue',
    continuing: 'Please wait…',
    totpSetupTitle: 'Set up your authenticator app',
    totpSetupIntro:
      'Your organisation asks for a second step at every sign-in. Add this account to an authenticator app to finish signing in.',
    emailSetupTitle: 'Get sign-in codes by e-mail',
    emailSetupIntro:
      'Your organisation asks for a second step at every sign-in. We’ll e-mail you a code each time; check the address.',
    sendCode: 'Send the code',
    sending: 'Sending…',
    unsupportedTitle: 'This sign-in needs a step the app can’t do yet',
    unsupported: (step: string) =>
      `Your account’s sign-in asks for “${step}”, which this app doesn’t support yet. Nothing was changed. Sign in again, and if this keeps happening, tell whoever runs this site.`,
    backToSignIn: 'Back to sign-in',
    cancel: 'Cancel and sign in again',
  },
  ja: {
    newPasswordTitle: 'パスワードの設定',
    newPasswordIntro:
      '仮パスワードでサインインしました。サインインを完了するには、ご自身のパスワードを設定してください。',
    newPassword: '新しいパスワード',
    savePassword: '保存して続ける',
    saving: '保存しています…',
    codeTitle: 'サインインコードの入力',
    codeIntro: {
      TOTP: '認証アプリを開き、このアカウントに表示されている 6 桁のコードを入力してください。',
      SMS: (to: string) => `${to} に SMS で 6 桁のコードを送信しました。`,
      EMAIL: (to: string) => `${to} に 6 桁のコードをメールで送信しました。`,
    },
    verify: '確認',
    verifying: '確認しています…',
    codeExpiry: 'コードはサインインから 3 分以内に入力してください。',
    rememberBrowser: 'このブラウザーを記憶する',
    rememberBrowserHint:
      '次回からこのブラウザーではコードなしでサインインできます。共用のパソコンではチェックしないでください。',
    chooseTitle: '本人確認の方法を選んでください',
    chooseSetupTitle: '2 段階目のサインイン方法の設定',
    chooseSetupIntro:
      '組織の設定により、サインインのたびに 2 段階目の確認が必要です。コードの受け取り方法を選んでください。',
    chooseLegend: 'コードの受け取り方法',
    method: {
      TOTP: '認証アプリ',
      SMS: 'SMS (テキストメッセージ)',
      EMAIL: 'メール',
    },
    continue: '続ける',
    continuing: 'お待ちください…',
    totpSetupTitle: '認証アプリの設定',
    totpSetupIntro:
      '組織の設定により、サインインのたびに 2 段階目の確認が必要です。認証アプリにこのアカウントを追加して、サインインを完了してください。',
    emailSetupTitle: 'メールでサインインコードを受け取る',
    emailSetupIntro:
      '組織の設定により、サインインのたびに 2 段階目の確認が必要です。毎回メールでコードを送ります。アドレスを確認してください。',
    sendCode: 'コードを送信',
    sending: '送信しています…',
    unsupportedTitle: 'このサインインには、アプリがまだ対応していない手順が必要です',
    unsupported: (step: string) =>
      `このアカウントのサインインは「${step}」を求めていますが、このアプリはまだ対応していません。何も変更されていません。もう一度サインインし、繰り返し起きる場合はサイトの管理者にお知らせください。`,
    backToSignIn: 'サインインに戻る',
    cancel: 'やめてサインインし直す',
  },
})
