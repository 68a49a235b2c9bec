import type { APIRequestContext, Page } from '@playwright/test'
import { Secret, TOTP } from 'otpauth'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from '../mocks/local-aws/defaults.ts'
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

export async function signInWith(
  page: Page,
  email: string,
  password: string,
  labels = { email: 'Email', password: 'Password', submit: 'Sign in' },
) {
  await page.getByLabel(labels.email).fill(email)
  await page.getByLabel(labels.password, { exact: true }).fill(password)
  await page.getByRole('button', { name: labels.submit }).click()
}

export const JA = { email: 'メールアドレス', password: 'パスワード', submit: 'サインイン' }

/** Japanese from the first paint, as a browser set to Japanese would pick. */
export async function inJapanese(page: Page) {
  await page.addInitScript(() => localStorage.setItem('language', 'ja'))
}
