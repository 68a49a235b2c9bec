import { defineMessages } from '@/lib/i18n'

/** Why a sign-in through a provider ended without one, as the callback page tells it. */
export type RedirectProblem =
  'cancelled' | 'state' | 'code' | 'refused' | 'client-flow' | 'client-scope' | 'network' | 'none'

export const callbackMessages = defineMessages({
  en: {
    finishing: 'Finishing your sign-in…',
    failedTitle: 'Sign-in not finished',
    backToSignIn: 'Back to sign in',
    problems: {
      cancelled:
        'You cancelled the sign-in. Nothing was changed. Sign in again when you are ready.',
      state:
        'This sign-in could not be verified: it did not come back the way it left, so it was stopped to keep your account safe. Sign in again.',
      code: 'This sign-in link was already used or is too old. Sign in again.',
      refused: (reason: string) =>
        `The sign-in service refused this sign-in${reason ? `: “${reason}”` : ''}. Sign in again, or ask your administrator.`,
      'client-flow': 'Signing in this way is not set up for this app yet.',
      'client-scope': 'Signing in this way is not set up for this app yet.',
      network:
        'Your sign-in could not be finished: the sign-in service could not be reached. Check your connection and sign in again.',
      none: 'There is no sign-in to finish here. It may have finished already, or started in another browser.',
    } satisfies Record<RedirectProblem, string | ((reason: string) => string)>,
    fixes: {
      'client-flow':
        'The app client must allow the authorization code grant (AllowedOAuthFlows: code, AllowedOAuthFlowsUserPoolClient: true), list this provider in SupportedIdentityProviders, and list this page in CallbackURLs.',
      'client-scope':
        'The app client must allow the scopes openid, email, profile and aws.cognito.signin.user.admin (AllowedOAuthScopes).',
    },
    cognitoSaid: (reason: string) => `Cognito said: “${reason}”`,
  },
  ja: {
    finishing: 'サインインを完了しています…',
    failedTitle: 'サインインは完了していません',
    backToSignIn: 'サインインに戻る',
    problems: {
      cancelled:
        'サインインをキャンセルしました。何も変更されていません。準備ができたらもう一度サインインしてください。',
      state:
        'このサインインを確認できませんでした。送り出したときと異なる状態で戻ってきたため、アカウントを守るために中止しました。もう一度サインインしてください。',
      code: 'このサインインのリンクは使用済みか、古すぎます。もう一度サインインしてください。',
      refused: (reason: string) =>
        `サインインのサービスがこのサインインを拒否しました${reason ? ` (「${reason}」)` : ''}。もう一度サインインするか、管理者に問い合わせてください。`,
      'client-flow': 'この方法でのサインインは、このアプリではまだ設定されていません。',
      'client-scope': 'この方法でのサインインは、このアプリではまだ設定されていません。',
      network:
        'サインインのサービスに接続できず、サインインを完了できませんでした。接続を確認して、もう一度サインインしてください。',
      none: 'ここで完了するサインインはありません。すでに完了したか、別のブラウザーで始められた可能性があります。',
    },
    fixes: {
      'client-flow':
        'アプリクライアントで認可コードグラントを許可し (AllowedOAuthFlows: code、AllowedOAuthFlowsUserPoolClient: true)、このプロバイダーを SupportedIdentityProviders に、このページを CallbackURLs に追加してください。',
      'client-scope':
        'アプリクライアントでスコープ openid、email、profile、aws.cognito.signin.user.admin を許可してください (AllowedOAuthScopes)。',
    },
    cognitoSaid: (reason: string) => `Cognito の応答: 「${reason}」`,
  },
})
