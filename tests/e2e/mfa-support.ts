import type { APIRequestContext, Page } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { expect } from './fixtures'
import { cognito, createConfirmedUser, PASSWORD, uniqueEmail } from './local-aws'

const UserPoolId = DEFAULT_USER_POOL_ID

/**
 * Sets how the shared pool does MFA, through the admin API as on AWS. Every
 * spec shares the pool: an MFA spec sets it in each test and puts it back to
 * off afterwards (`test.afterEach(() => poolMfa(request, 'OFF'))`).
 */
export async function poolMfa(
  request: APIRequestContext,
  MfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON',
  factors: { totp?: boolean; sms?: boolean; email?: boolean } = {},
) {
  await cognito(request, 'SetUserPoolMfaConfig', {
    UserPoolId,
    MfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: !!factors.totp },
    ...(factors.sms ? { SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' } } : {}),
    ...(factors.email ? { EmailMfaConfiguration: { Message: 'Code {####}' } } : {}),
  })
}

/** Moves the emulator's clock forward (the preview server allows it for these tests only); its time. */
export async function advanceEmulatorClock(request: APIRequestContext, advanceMs: number) {
  const response = await request.post('/local-aws/clock', { data: { advanceMs } })
  expect(response.ok(), 'the emulator clock moved').toBe(true)
  return ((await response.json()) as { now: number }).now
}

/**
 * What an authenticator app shows for this key (spaces, as the page groups it,
 * allowed), on a phone whose clock agrees with the emulator's: a test may have
 * moved that clock forward.
 */
export async function totpCode(request: APIRequestContext, key: string) {
  const timestamp = await advanceEmulatorClock(request, 0)
  return new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')) }).generate({ timestamp })
}

/** A confirmed user with these factors turned on through the admin API (TOTP: its key is returned). */
export async function userWithFactors(
  request: APIRequestContext,
  name: string,
  factors: { totp?: boolean; email?: boolean; sms?: string },
) {
  const email = uniqueEmail(name)
  if (factors.sms) {
    await cognito(request, 'AdminCreateUser', {
      UserPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: factors.sms },
      ],
    })
    await cognito(request, 'AdminSetUserPassword', {
      UserPoolId,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    })
  } else {
    await createConfirmedUser(request, email)
  }
  let key = ''
  if (factors.totp) {
    // Signed in before any factor is on: what the account page does, through the API.
    const signedIn = await cognito(request, 'InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    })
    const AccessToken = (signedIn.AuthenticationResult as { AccessToken: string }).AccessToken
    key = String((await cognito(request, 'AssociateSoftwareToken', { AccessToken })).SecretCode)
    await cognito(request, 'VerifySoftwareToken', {
      AccessToken,
      UserCode: await totpCode(request, key),
    })
  }
  await cognito(request, 'AdminSetUserMFAPreference', {
    UserPoolId,
    Username: email,
    ...(factors.totp ? { SoftwareTokenMfaSettings: { Enabled: true } } : {}),
    ...(factors.email ? { EmailMfaSettings: { Enabled: true } } : {}),
    ...(factors.sms ? { SMSMfaSettings: { Enabled: true } } : {}),
  })
  return { email, key }
}

/**
 * The newest inbox entry for `to` whose kind reads `kind`, from the local-mode
 * panel, as someone trying the app would find it. The panel polls; waiting for
 * the entry avoids an older one.
 */
export async function fromInboxPanel(page: Page, to: string, kind: string): Promise<string> {
  const panel = page.getByRole('complementary')
  const details = panel.locator('details')
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await panel.locator('summary').click()
  }
  const entry = panel.locator('dt', { hasText: `${to} (${kind})` }).first()
  await expect(entry).toBeVisible()
  return (await entry.locator('xpath=following-sibling::dd[1]').innerText()).trim()
}

/** What the tests read and press, in each language: the words are part of what is tested. */
export const UI = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    account: /^Account:/,
    wrongPassword: 'The email or password is wrong.',
    newPasswordTitle: 'Choose your password',
    newPassword: 'New password',
    ruleLength: 'at least 8 characters',
    tooShort: 'The password needs at least 8 characters.',
    savePassword: 'Save and continue',
    resetTitle: 'Choose a new password',
    resetRequired: 'Your password was reset by an administrator',
    resetCode: 'Code from the e-mail',
    changePassword: 'Change password',
    passwordChanged: 'Your password is changed.',
    codeTitle: 'Enter your sign-in code',
    code: '6-digit code',
    verify: 'Verify',
    bySms: (to: string) => `by text message to ${to}`,
    byEmail: /We e-mailed a 6-digit code to \w\*\*\*@e\*\*\*/,
    wrongCode: 'That code is wrong',
    stepExpired: 'it took more than 3 minutes',
    chooseTitle: 'How do you want to verify it’s you?',
    chooseLegend: 'Send or show my code',
    emailMethod: 'E-mail',
    continue: 'Continue',
    totpSetupTitle: 'Set up your authenticator app',
    qrCode: /QR code/,
    mfaSection: 'Two-step sign-in',
    requiredForEveryone: 'requires a second step at every sign-in, for everyone',
    setUpTotp: 'Set up an authenticator app',
    turnOn: 'Turn on',
    totpIsOn: 'Your authenticator app is set up',
    totpOff: 'Authenticator app: Off',
    totpOnState: 'Authenticator app: On',
    turnOffTotp: 'Turn off Authenticator app',
    inbox: {
      invitation: 'invitation: temporary password',
      adminReset: 'reset by an administrator',
      sms: 'sign-in code by SMS',
      email: 'sign-in code by e-mail',
    },
  },
  ja: {
    email: 'メールアドレス',
    password: 'パスワード',
    signIn: 'サインイン',
    signOut: 'サインアウト',
    account: /^アカウント:/,
    wrongPassword: 'メールアドレスまたはパスワードが違います。',
    newPasswordTitle: 'パスワードの設定',
    newPassword: '新しいパスワード',
    ruleLength: '8 文字以上',
    tooShort: 'パスワードは 8 文字以上にしてください。',
    savePassword: '保存して続ける',
    resetTitle: '新しいパスワードを決める',
    resetRequired: '管理者がパスワードをリセットしたため',
    resetCode: 'メールに記載されたコード',
    changePassword: 'パスワードを変更',
    passwordChanged: 'パスワードを変更しました。',
    codeTitle: 'サインインコードの入力',
    code: '6 桁のコード',
    verify: '確認',
    bySms: (to: string) => `${to} に SMS で`,
    byEmail: /\w\*\*\*@e\*\*\* に 6 桁のコードをメールで送信しました/,
    wrongCode: 'コードが違うか、有効期限が切れています',
    stepExpired: '3 分以上経過した',
    chooseTitle: '本人確認の方法を選んでください',
    chooseLegend: 'コードの受け取り方法',
    emailMethod: 'メール',
    continue: '続ける',
    totpSetupTitle: '認証アプリの設定',
    qrCode: /QR コード/,
    mfaSection: '2 段階サインイン',
    requiredForEveryone: 'すべてのユーザーはサインインのたびに 2 段階目の確認が必要です',
    setUpTotp: '認証アプリを設定',
    turnOn: '有効にする',
    totpIsOn: '認証アプリを設定しました',
    totpOff: '認証アプリ: オフ',
    totpOnState: '認証アプリ: オン',
    turnOffTotp: '認証アプリをオフにする',
    inbox: {
      invitation: '招待: 仮パスワード',
      adminReset: '管理者によるリセット',
      sms: 'SMS のサインインコード',
      email: 'メールのサインインコード',
    },
  },
} as const

export type Language = keyof typeof UI
export const LANGUAGES = Object.keys(UI) as Language[]

/** Opens every page of this test in `language`, as a remembered choice would. */
export async function startIn(page: Page, language: Language) {
  await page.addInitScript((code) => localStorage.setItem('language', code), language)
}

export async function signInWith(page: Page, email: string, password: string, language: Language) {
  const t = UI[language]
  await page.getByLabel(t.email).fill(email)
  await page.getByLabel(t.password, { exact: true }).fill(password)
  await page.getByRole('button', { name: t.signIn }).click()
}

export async function signOut(page: Page, language: Language) {
  await page.getByRole('banner').getByRole('button', { name: UI[language].signOut }).click()
}
