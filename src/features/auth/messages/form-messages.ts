import { defineMessages } from '@/lib/i18n'
import type { PasswordRule } from '../lib/classify-auth-error'

/** Strings shared by the auth forms' building blocks. */
export const formMessages = defineMessages({
  en: {
    email: 'Email',
    password: 'Password',
    showPassword: 'Show password',
    passwordIsHidden: 'Password is hidden',
    passwordIsShown: 'Password is shown',
    rulesTitle: 'Your password needs:',
    rules: {
      length: 'at least 8 characters',
      lowercase: 'a lower-case letter (a–z)',
      uppercase: 'an upper-case letter (A–Z)',
      number: 'a digit (0–9)',
      symbol: 'a symbol, such as ! @ # $ % or &',
    } satisfies Record<PasswordRule, string>,
    ruleMet: 'done',
    ruleUnmet: 'not yet',
    errorPrefix: 'Error:',
  },
  ja: {
    email: 'メールアドレス',
    password: 'パスワード',
    showPassword: 'パスワードを表示',
    passwordIsHidden: 'パスワードは非表示です',
    passwordIsShown: 'パスワードは表示されています',
    rulesTitle: 'パスワードの条件:',
    rules: {
      length: '8 文字以上',
      lowercase: '英小文字 (a–z) を含む',
      uppercase: '英大文字 (A–Z) を含む',
      number: '数字 (0–9) を含む',
      symbol: '記号 (! @ # $ % & など) を含む',
    },
    ruleMet: '満たしています',
    ruleUnmet: '未達',
    errorPrefix: 'エラー:',
  },
})
