import type { SessionEndReason } from '@/lib/auth'
import { defineMessages } from '@/lib/i18n'

export const signInMessages = defineMessages({
  en: {
    title: 'Sign in',
    submit: 'Sign in',
    busy: 'Signing in…',
    forgot: 'Forgot your password?',
    noAccount: 'New here?',
    signUp: 'Create an account',
    confirmed: 'Your account is confirmed. Sign in to continue.',
    passwordReset: 'Your password is changed. Sign in with the new password.',
    loadingStep: 'One more step: loading…',
    stepExpired:
      'Your sign-in ended before it was finished: it took more than 3 minutes, or had too many wrong codes. Sign in again.',
    reasons: {
      expired: 'Your session expired. Sign in again to go back to the page you were on.',
      revoked:
        'You were signed out of every device, by you or an administrator. Sign in again to go back to the page you were on.',
      disabled: 'Your account was disabled. Ask your administrator to enable it again.',
      'signed-out-elsewhere': 'You signed out in another tab. Sign in again to continue.',
      'api-unauthorized':
        'The server no longer accepts your session. Sign in again to go back to the page you were on.',
      'signed-out': 'You are signed out.',
      'account-deleted': 'Your account is deleted.',
    } satisfies Record<SessionEndReason, string>,
  },
  ja: {
    title: 'サインイン',
    submit: 'サインイン',
    busy: 'サインインしています…',
    forgot: 'パスワードをお忘れですか?',
    noAccount: '初めてですか?',
    signUp: 'アカウントを作成',
    confirmed: 'アカウントが確認されました。サインインして続けてください。',
    passwordReset: 'パスワードを変更しました。新しいパスワードでサインインしてください。',
    loadingStep: 'もう 1 つ手順があります。読み込んでいます…',
    stepExpired:
      'サインインが完了する前に終了しました (3 分以上経過したか、間違ったコードが多すぎました)。もう一度サインインしてください。',
    reasons: {
      expired: 'セッションの有効期限が切れました。もう一度サインインすると、元のページに戻ります。',
      revoked:
        'あなたまたは管理者の操作で、すべての端末からサインアウトされました。もう一度サインインすると、元のページに戻ります。',
      disabled: 'アカウントが無効にされました。管理者に有効にするよう依頼してください。',
      'signed-out-elsewhere':
        '別のタブでサインアウトしました。続けるにはもう一度サインインしてください。',
      'api-unauthorized':
        'サーバーがセッションを受け付けなくなりました。もう一度サインインすると、元のページに戻ります。',
      'signed-out': 'サインアウトしました。',
      'account-deleted': 'アカウントを削除しました。',
    },
  },
})
