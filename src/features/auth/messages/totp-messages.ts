import { defineMessages } from '@/lib/i18n'

/** Authenticator-app set-up and sign-in codes, shared by sign-in and the account page. */
export const totpMessages = defineMessages({
  en: {
    install:
      'Install an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password.',
    scan: 'In the app, add an account and scan this QR code.',
    qrLabel: 'QR code to add this account to an authenticator app',
    orType: 'Can’t scan it? Type this key instead:',
    copy: 'Copy the key',
    copied: 'Key copied.',
    enterCode: 'Type the 6-digit code the app now shows for this account.',
    code: '6-digit code',
    turnOn: 'Turn on',
    checking: 'Checking…',
  },
  ja: {
    install:
      'スマートフォンに認証アプリ (Google Authenticator、Microsoft Authenticator、1Password など) をインストールします。',
    scan: 'アプリでアカウントを追加し、この QR コードを読み取ります。',
    qrLabel: '認証アプリにこのアカウントを追加するための QR コード',
    orType: '読み取れない場合は、このキーを入力してください:',
    copy: 'キーをコピー',
    copied: 'キーをコピーしました。',
    enterCode: 'アプリに表示される、このアカウントの 6 桁のコードを入力します。',
    code: '6 桁のコード',
    turnOn: '有効にする',
    checking: '確認しています…',
  },
})
