import { isApiError, type ApiErrorKind } from '@/lib/api-client'
import { defineMessages } from '@/lib/i18n'

export { shortName } from '../utils/short-name'

/** What went wrong, in words that say what to do next. */
export const errorMessages = defineMessages<Record<ApiErrorKind | 'unknown', string>>({
  en: {
    unauthorized: 'Your session has ended. Sign in again to continue.',
    client: 'The projects service refused the request.',
    server:
      'The projects service had a problem. Try again in a moment; if it keeps failing, tell whoever runs the service.',
    network: 'The projects service could not be reached. Check your connection and try again.',
    offline: 'You are offline. Reconnect, then try again.',
    timeout: 'The projects service took too long to answer. Try again.',
    'bad-response':
      'The projects service sent an answer this app cannot read. Try again; if it keeps happening, tell whoever runs the service.',
    unknown: 'Something went wrong. Try again.',
  },
  ja: {
    unauthorized: 'セッションが終了しました。続けるにはもう一度サインインしてください。',
    client: 'プロジェクトサービスがリクエストを拒否しました。',
    server:
      'プロジェクトサービスで問題が発生しました。しばらくしてからもう一度お試しください。続く場合はサービスの管理者に連絡してください。',
    network: 'プロジェクトサービスに接続できませんでした。接続を確認してもう一度お試しください。',
    offline: 'オフラインです。接続してからもう一度お試しください。',
    timeout: 'プロジェクトサービスの応答に時間がかかりすぎました。もう一度お試しください。',
    'bad-response':
      'プロジェクトサービスから読み取れない応答がありました。もう一度お試しください。続く場合はサービスの管理者に連絡してください。',
    unknown: '問題が発生しました。もう一度お試しください。',
  },
})

export function describeError(error: unknown, t: Record<ApiErrorKind | 'unknown', string>): string {
  return isApiError(error) ? t[error.kind] : t.unknown
}
