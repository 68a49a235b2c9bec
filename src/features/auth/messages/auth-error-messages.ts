import { defineMessages } from '@/lib/i18n'
import type {
  AttributeProblem,
  AuthField,
  AuthProblem,
  PasswordRule,
} from '../lib/classify-auth-error'

/** What the user (or, for a misconfiguration, whoever deployed the app) should do about each problem. */
export const authErrorMessages = defineMessages({
  en: {
    missing: {
      email: 'Enter your email address.',
      password: 'Enter your password.',
      newPassword: 'Enter a new password.',
      code: 'Enter the code from the e-mail.',
      mfaCode: 'Enter the 6-digit code.',
    } satisfies Record<AuthField, string>,
    wrongCredentials:
      'The email or password is wrong. Check both and try again, or reset your password.',
    wrongCurrentPassword: 'Your current password is wrong. Type it again.',
    tooManyAttempts: 'Too many attempts. Wait a few minutes, then try again.',
    accountExists: 'An account with this email already exists. Sign in, or reset its password.',
    invalidEmail: 'Enter an email address like name@example.com.',
    weakPassword: {
      length: 'The password needs at least 8 characters.',
      lowercase: 'The password needs a lower-case letter (a–z).',
      uppercase: 'The password needs an upper-case letter (A–Z).',
      number: 'The password needs a digit (0–9).',
      symbol: 'The password needs a symbol, such as ! @ # $ % or &.',
      other: 'The password doesn’t meet the rules. Choose another one.',
    } satisfies Record<PasswordRule | 'other', string>,
    wrongCode: 'That code is wrong. Check the latest e-mail and type the code again.',
    expiredCode: 'That code has expired. Ask for a new code and use it instead.',
    wrongMfaCode: 'That code is wrong or has run out. Type the code shown now and try again.',
    challengeExpired:
      'This sign-in has ended: it took more than 3 minutes, or had too many wrong codes. Sign in again.',
    alreadyConfirmed: 'This account is already confirmed. Sign in.',
    unverifiedEmail:
      'The password of this account can’t be reset because its email was never confirmed. Sign up again, or confirm the account first.',
    sessionEnded: 'Your session has ended. Sign in again, then try once more.',
    offline: 'You seem to be offline. Check your connection, then try again.',
    unreachable:
      'The sign-in service can’t be reached. Check your connection and try again in a moment.',
    misconfigured:
      'Sign-in isn’t set up correctly on this site, so this can’t work right now. Please tell whoever runs it.',
    signUpMisconfigured:
      'Sign-up isn’t set up correctly on this site, so accounts can’t be created right now. Please tell whoever runs it.',
    unknown: 'Something went wrong. Try again in a moment.',
    passkeyCancelled:
      'The passkey prompt was closed or timed out. Try again, or choose another way to sign in.',
    passkeyUnsupported: 'This browser can’t use passkeys on this site. Choose another way.',
    passkeyExists: 'This device already holds a passkey for your account.',
    passkeyRefused:
      'That passkey wasn’t accepted. Try another one, or choose another way to sign in.',
    accountDisabled: 'Your account was disabled. Ask your administrator to enable it again.',
    forDeployers: 'For whoever deployed this app',
    fix: {
      clientSecret:
        'The app client has a client secret, which a browser can’t keep. Create an app client without a secret (Cognito console → App integration → App clients) and set VITE_USER_POOL_CLIENT_ID to its id.',
      authFlow:
        'The sign-in flow this app uses is not enabled on the app client. Enable ALLOW_USER_SRP_AUTH (or ALLOW_USER_PASSWORD_AUTH) and ALLOW_REFRESH_TOKEN_AUTH in the app client’s authentication flows, or set VITE_AUTH_FLOW to a flow the client allows.',
      clientId:
        'The app client doesn’t exist in this user pool and region. Check VITE_USER_POOL_CLIENT_ID, and that VITE_USER_POOL_ID names the pool (and region) the client belongs to.',
      poolId:
        'The user pool doesn’t exist. Check VITE_USER_POOL_ID (its prefix is the region, e.g. us-east-2_AbC123xyz).',
      endpoint:
        'No Cognito answered at the configured endpoint. Check VITE_COGNITO_ENDPOINT (unset means the region of VITE_USER_POOL_ID), the network, and that the Content-Security-Policy’s connect-src allows it.',
      userAuth:
        'The pool or app client refuses choice-based sign-in (USER_AUTH), which VITE_SIGN_IN_METHODS asks for. Enable ALLOW_USER_AUTH in the app client’s authentication flows, and allow the same first factors (passkey, e-mail code) in the pool’s sign-in options; or set VITE_SIGN_IN_METHODS=password.',
      plan: 'Passwordless sign-in needs the Essentials (or Plus) feature plan: switch the user pool’s plan, or set VITE_SIGN_IN_METHODS=password.',
      passkeys:
        'Passkeys aren’t set up for this site: allow Passkey among the pool’s first factors and set its relying-party id to this site’s domain (Cognito → Authentication methods → Passkey); or remove passkey from VITE_SIGN_IN_METHODS.',
      requiredAttributes: (names: string[]) =>
        `This pool requires ${englishList(names)} at sign-up: add ${names.length === 1 ? 'it' : 'them'} to VITE_SIGN_UP_ATTRIBUTES.`,
      undefinedAttributes: (names: string[]) => {
        const them = names.length === 1 ? 'it' : 'them'
        return `This pool has no attribute ${englishList(names)}: remove ${them} from VITE_SIGN_UP_ATTRIBUTES, or add ${them} to the pool’s custom attributes.`
      },
    },
  },
  ja: {
    missing: {
      email: 'メールアドレスを入力してください。',
      password: 'パスワードを入力してください。',
      newPassword: '新しいパスワードを入力してください。',
      code: 'メールに記載されたコードを入力してください。',
      mfaCode: '6 桁のコードを入力してください。',
    },
    wrongCredentials:
      'メールアドレスまたはパスワードが違います。両方を確かめてもう一度試すか、パスワードを再設定してください。',
    wrongCurrentPassword: '現在のパスワードが違います。もう一度入力してください。',
    tooManyAttempts: '試行回数が多すぎます。数分待ってからもう一度試してください。',
    accountExists:
      'このメールアドレスのアカウントはすでにあります。サインインするか、パスワードを再設定してください。',
    invalidEmail: 'name@example.com のような形式でメールアドレスを入力してください。',
    weakPassword: {
      length: 'パスワードは 8 文字以上にしてください。',
      lowercase: 'パスワードに英小文字 (a–z) を入れてください。',
      uppercase: 'パスワードに英大文字 (A–Z) を入れてください。',
      number: 'パスワードに数字 (0–9) を入れてください。',
      symbol: 'パスワードに記号 (! @ # $ % & など) を入れてください。',
      other: 'パスワードが規則を満たしていません。別のパスワードにしてください。',
    },
    wrongCode: 'コードが違います。最新のメールを確認して、もう一度入力してください。',
    expiredCode:
      'コードの有効期限が切れています。新しいコードを送信して、そのコードを使ってください。',
    wrongMfaCode:
      'コードが違うか、有効期限が切れています。いま表示されているコードを入力して、もう一度試してください。',
    challengeExpired:
      'このサインインは終了しました (3 分以上経過したか、間違ったコードが多すぎました)。もう一度サインインしてください。',
    alreadyConfirmed: 'このアカウントは確認済みです。サインインしてください。',
    unverifiedEmail:
      'このアカウントはメールアドレスが確認されていないため、パスワードを再設定できません。もう一度登録するか、先にアカウントを確認してください。',
    sessionEnded: 'セッションが終了しました。もう一度サインインしてから、やり直してください。',
    offline: 'オフラインのようです。接続を確認してから、もう一度試してください。',
    unreachable:
      'サインインサービスに接続できません。接続を確認して、少し待ってからもう一度試してください。',
    misconfigured:
      'このサイトのサインイン設定に誤りがあるため、現在ご利用いただけません。サイトの管理者にお知らせください。',
    signUpMisconfigured:
      'このサイトのサインアップ設定に誤りがあるため、現在アカウントを作成できません。サイトの管理者にお知らせください。',
    unknown: '問題が発生しました。少し待ってからもう一度試してください。',
    passkeyCancelled:
      'パスキーの確認が閉じられたか、時間切れになりました。もう一度試すか、別の方法でサインインしてください。',
    passkeyUnsupported:
      'このブラウザーではこのサイトでパスキーを使えません。別の方法を選んでください。',
    passkeyExists: 'このデバイスにはすでにあなたのアカウントのパスキーがあります。',
    passkeyRefused:
      'そのパスキーは受け付けられませんでした。別のパスキーを試すか、別の方法でサインインしてください。',
    accountDisabled: 'アカウントが無効にされました。管理者に有効にするよう依頼してください。',
    forDeployers: 'このアプリをデプロイした方へ',
    fix: {
      clientSecret:
        'アプリクライアントにクライアントシークレットがあります。ブラウザはシークレットを保持できません。シークレットなしのアプリクライアントを作成し (Cognito コンソール → アプリケーションの統合 → アプリクライアント)、その ID を VITE_USER_POOL_CLIENT_ID に設定してください。',
      authFlow:
        'このアプリが使う認証フローがアプリクライアントで有効になっていません。アプリクライアントの認証フローで ALLOW_USER_SRP_AUTH (または ALLOW_USER_PASSWORD_AUTH) と ALLOW_REFRESH_TOKEN_AUTH を有効にするか、VITE_AUTH_FLOW をクライアントが許可するフローに設定してください。',
      clientId:
        'このユーザープールとリージョンにアプリクライアントがありません。VITE_USER_POOL_CLIENT_ID と、VITE_USER_POOL_ID がクライアントの属するプール (とリージョン) を指しているかを確認してください。',
      poolId:
        'ユーザープールが存在しません。VITE_USER_POOL_ID を確認してください (先頭はリージョンです。例: us-east-2_AbC123xyz)。',
      endpoint:
        '設定されたエンドポイントで Cognito が応答しません。VITE_COGNITO_ENDPOINT (未設定なら VITE_USER_POOL_ID のリージョン)、ネットワーク、Content-Security-Policy の connect-src を確認してください。',
      userAuth:
        'ユーザープールかアプリクライアントが、VITE_SIGN_IN_METHODS が求める選択式サインイン (USER_AUTH) を拒否しています。アプリクライアントの認証フローで ALLOW_USER_AUTH を有効にし、プールのサインインオプションで同じ第一要素 (パスキー、メールのコード) を許可するか、VITE_SIGN_IN_METHODS=password にしてください。',
      plan: 'パスワードレスのサインインには Essentials (または Plus) 機能プランが必要です。ユーザープールのプランを切り替えるか、VITE_SIGN_IN_METHODS=password にしてください。',
      passkeys:
        'このサイト用のパスキーが設定されていません。プールの第一要素でパスキーを許可し、証明書利用者 ID (relying-party id) をこのサイトのドメインに設定するか (Cognito → 認証方法 → パスキー)、VITE_SIGN_IN_METHODS から passkey を外してください。',
      requiredAttributes: (names: string[]) =>
        `このユーザープールはサインアップ時に ${names.join('、')} を必須としています。VITE_SIGN_UP_ATTRIBUTES に追加してください。`,
      undefinedAttributes: (names: string[]) =>
        `このユーザープールには ${names.join('、')} という属性がありません。VITE_SIGN_UP_ATTRIBUTES から外すか、プールのカスタム属性に追加してください。`,
    },
  },
})

/** "name", "name and phone_number", "name, phone_number and birthdate". */
function englishList(names: string[]) {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

type Dictionary = (typeof authErrorMessages)['en']

/** Every problem but a sign-up attribute's, which its own field describes (sign-up-attributes/). */
export type DescribedProblem = Exclude<AuthProblem, AttributeProblem>

/** The message for a problem, and for a misconfiguration the setting to fix. */
export function describeProblem(
  t: Dictionary,
  problem: DescribedProblem,
): { text: string; fix?: string } {
  switch (problem.kind) {
    case 'missing':
      return { text: t.missing[problem.field] }
    case 'wrong-credentials':
      return { text: t.wrongCredentials }
    case 'wrong-current-password':
      return { text: t.wrongCurrentPassword }
    case 'too-many-attempts':
      return { text: t.tooManyAttempts }
    case 'account-exists':
      return { text: t.accountExists }
    case 'invalid-email':
      return { text: t.invalidEmail }
    case 'weak-password':
      return { text: t.weakPassword[problem.rule] }
    case 'wrong-code':
      return { text: t.wrongCode }
    case 'expired-code':
      return { text: t.expiredCode }
    case 'wrong-mfa-code':
      return { text: t.wrongMfaCode }
    case 'challenge-expired':
      return { text: t.challengeExpired }
    case 'already-confirmed':
      return { text: t.alreadyConfirmed }
    case 'unverified-email':
      return { text: t.unverifiedEmail }
    case 'session-ended':
      return { text: t.sessionEnded }
    case 'offline':
      return { text: t.offline }
    case 'unreachable':
      return { text: t.unreachable, fix: t.fix.endpoint }
    case 'config-client-secret':
      return { text: t.misconfigured, fix: t.fix.clientSecret }
    case 'config-auth-flow':
      return { text: t.misconfigured, fix: t.fix.authFlow }
    case 'config-client-id':
      return { text: t.misconfigured, fix: t.fix.clientId }
    case 'config-pool-id':
      return { text: t.misconfigured, fix: t.fix.poolId }
    case 'config-user-auth':
      return { text: t.misconfigured, fix: t.fix.userAuth }
    case 'config-plan':
      return { text: t.misconfigured, fix: t.fix.plan }
    case 'config-passkeys':
      return { text: t.misconfigured, fix: t.fix.passkeys }
    case 'config-sign-up-attributes': {
      const fixes = [
        problem.required.length > 0 && t.fix.requiredAttributes(problem.required),
        problem.undefinedInPool.length > 0 && t.fix.undefinedAttributes(problem.undefinedInPool),
      ]
      return { text: t.signUpMisconfigured, fix: fixes.filter(Boolean).join(' ') }
    }
    case 'passkey-cancelled':
      return { text: t.passkeyCancelled }
    case 'passkey-unsupported':
      return { text: t.passkeyUnsupported }
    case 'passkey-exists':
      return { text: t.passkeyExists }
    case 'passkey-refused':
      return { text: t.passkeyRefused }
    case 'account-disabled':
      return { text: t.accountDisabled }
    case 'unknown':
      return { text: t.unknown }
  }
}
