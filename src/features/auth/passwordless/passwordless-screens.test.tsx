/**
 * The passwordless screens as a build with VITE_SIGN_IN_METHODS=passkey,email-code,password
 * runs them, against the emulator with passkeys for `localhost` (jsdom's
 * origin), and a software authenticator behind navigator.credentials.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { Secret, TOTP } from 'otpauth'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { softAuthenticator, type SoftAuthenticator } from 'local-aws/testing/soft-authenticator'
import { installWebAuthn } from 'local-aws/testing/webauthn-browser-shim'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { createVerifiedUser, spaceOutAutoSignIns, testEmail } from '../../../../tests/setup/auth'
import {
  cognito,
  LOCAL_ORIGIN,
  latestCode,
  localAws,
  resetLocalAws,
  signIn,
} from '../../../../tests/setup/local-aws'
import {
  restoreSettings,
  withSettings,
  type AppWithSettings,
} from '../../../../tests/setup/settings'

const PASSWORDLESS = { VITE_SIGN_IN_METHODS: 'passkey,email-code,password' }

let authenticator: SoftAuthenticator
let browser: ReturnType<typeof installWebAuthn>
let app: AppWithSettings

async function allowPasswordless() {
  await cognito('UpdateUserPool', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] } },
  })
  await cognito('SetUserPoolMfaConfig', {
    UserPoolId: DEFAULT_USER_POOL_ID,
    MfaConfiguration: 'OFF',
    WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  })
}

beforeEach(async () => {
  await allowPasswordless()
  authenticator = softAuthenticator()
  browser = installWebAuthn(authenticator, LOCAL_ORIGIN)
  app = await withSettings(PASSWORDLESS)
})
afterEach(async () => {
  browser.uninstall()
  await restoreSettings()
})

/** A user with a password and a passkey on this "device", registered through Cognito's API. */
async function userWithPasskey() {
  const { email, password } = await createVerifiedUser({ email: testEmail('passkey') })
  const { AccessToken } = await signIn(email, password)
  const { CredentialCreationOptions } = await cognito<{ CredentialCreationOptions: never }>(
    'StartWebAuthnRegistration',
    { AccessToken },
  )
  const credential = await authenticator.create(CredentialCreationOptions, LOCAL_ORIGIN)
  await cognito('CompleteWebAuthnRegistration', { AccessToken, Credential: credential })
  return email
}

/** A user who signed up without a password: the e-mailed code is their only way in. */
async function userWithoutPassword() {
  const email = testEmail('code')
  await cognito('SignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    UserAttributes: [{ Name: 'email', Value: email }],
  })
  await cognito('ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    ConfirmationCode: latestCode(email),
  })
  return email
}

async function startSignIn(email: string) {
  const rendered = app.renderApp({ route: '/sign-in' })
  const field = await screen.findByLabelText('Email')
  await rendered.user.type(field, email)
  await rendered.user.click(screen.getByRole('button', { name: 'Continue' }))
  return rendered
}

/** The alert that has something to say (FormAlert's region is there, empty, before it speaks). */
async function alertSaying(text: string | RegExp) {
  return waitFor(() => {
    const said = screen.getAllByRole('alert').find((el) => el.textContent?.trim())
    expect(said).toHaveTextContent(text)
    return said!
  })
}

const sentCodes = (email: string) =>
  localAws()
    .inbox()
    .filter((entry) => entry.to === email && entry.kind === 'sign-in')

describe('passwordless sign-in', () => {
  it('asks for the email first, as a user name password managers fill in', async () => {
    app.renderApp({ route: '/sign-in' })
    const field = await screen.findByLabelText('Email')
    // No conditional passkey request can be pending (Cognito has no challenge before the
    // email), so "webauthn" in autocomplete would do nothing: see the README.
    expect(field).toHaveAttribute('autocomplete', 'username')
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled()
  })

  it('says so when the passkey prompt is closed, keeps the other ways open, and the passkey works on a retry', async () => {
    const email = await userWithPasskey()
    browser.cancelNextPrompt()
    const { user, router } = await startSignIn(email)

    expect(
      await screen.findByRole('heading', { name: 'How do you want to sign in?' }),
    ).toBeVisible()
    await alertSaying('The passkey prompt was closed or timed out.')
    for (const way of ['Use my passkey', 'E-mail me a sign-in code', 'Use my password']) {
      expect(screen.getByRole('button', { name: way })).toBeVisible()
    }
    expect(router.state.location.pathname).toBe('/sign-in')

    await user.click(screen.getByRole('button', { name: 'Use my passkey' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
    expect(authenticator.credentials[0]!.counter).toBeGreaterThan(0)
  })

  it('says the prompt timed out when the browser gives up after Cognito’s time limit, and an e-mailed code still signs in', async () => {
    const email = await userWithPasskey()
    // A browser that never shows its prompt: it rejects once Cognito's timeout has passed.
    let limit: number | undefined
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
    Object.defineProperty(navigator, 'credentials', {
      configurable: true,
      value: {
        get: ({ publicKey }: { publicKey: { timeout?: number } }) =>
          new Promise((_, reject) => {
            limit = publicKey.timeout
            setTimeout(
              () =>
                reject(
                  Object.assign(new Error('The operation either timed out or was not allowed.'), {
                    name: 'NotAllowedError',
                  }),
                ),
              publicKey.timeout,
            )
          }),
      },
    })
    const { user, router } = await startSignIn(email)

    expect(
      await screen.findByText('Confirm with your passkey in the browser’s prompt.'),
    ).toBeVisible()
    await waitFor(() => expect(limit).toBeGreaterThan(0))
    await vi.advanceTimersByTimeAsync(limit!)
    await alertSaying('The passkey prompt was closed or timed out.')
    expect(screen.queryByText('Confirm with your passkey in the browser’s prompt.')).toBeNull()
    vi.useRealTimers()

    await user.click(screen.getByRole('button', { name: 'E-mail me a sign-in code' }))
    const codeField = await screen.findByLabelText('Sign-in code')
    await user.type(codeField, latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
  })

  it('tells a wrong code, keeps the message in the language the user switches to, and then signs in', async () => {
    const email = await userWithoutPassword()
    const { user, router } = await startSignIn(email)

    // No passkey and no password: the code is the only way, so it is sent at once.
    const codeField = await screen.findByLabelText('Sign-in code')
    expect(codeField).toHaveAttribute('autocomplete', 'one-time-code')
    const code = latestCode(email)
    await user.type(codeField, code === '00000000' ? '11111111' : '00000000')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await alertSaying('That code is wrong.')
    await waitFor(() => expect(codeField).toHaveFocus())
    expect(codeField).toHaveAttribute('aria-invalid', 'true')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語')
    const alert = await alertSaying('コードが違います。')
    expect(alert).not.toHaveTextContent('That code is wrong.')
    expect(screen.getByLabelText('サインインコード')).toHaveAttribute('aria-invalid', 'true')
    await user.selectOptions(screen.getByRole('combobox', { name: '言語' }), 'English')
    await alertSaying('That code is wrong.')

    await user.clear(codeField)
    await user.type(codeField, code)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
  })

  it('tells an expired code from a wrong one, and a new code signs in', async () => {
    let now = Date.now()
    resetLocalAws({ now: () => now })
    await allowPasswordless()
    const email = await userWithoutPassword()
    const { user, router } = await startSignIn(email)

    const codeField = await screen.findByLabelText('Sign-in code')
    const expired = latestCode(email)
    now += 4 * 60_000
    await user.type(codeField, expired)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    const alert = await alertSaying('That code has expired.')
    expect(alert).not.toHaveTextContent('That code is wrong.')

    await user.click(screen.getByRole('button', { name: 'Send a new code' }))
    await waitFor(() => expect(sentCodes(email)).toHaveLength(2))
    await user.clear(codeField)
    await user.type(screen.getByLabelText('Sign-in code'), latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
  })
})

describe('passwordless sign-in for a user with two-step verification', () => {
  it('asks for the password (Cognito offers nothing else), then the authenticator code, and signs in', async () => {
    await cognito('SetUserPoolMfaConfig', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
    const { email, password } = await createVerifiedUser({ email: testEmail('mfa') })
    const { AccessToken } = await signIn(email, password)
    const { SecretCode } = await cognito<{ SecretCode: string }>('AssociateSoftwareToken', {
      AccessToken,
    })
    const app = new TOTP({ secret: Secret.fromBase32(SecretCode) })
    await cognito('VerifySoftwareToken', { AccessToken, UserCode: app.generate() })
    await cognito('AdminSetUserMFAPreference', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      Username: email,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    })

    const { user, router } = await startSignIn(email)
    expect(await screen.findByRole('heading', { name: 'Enter your password' })).toBeVisible()
    await user.type(screen.getByLabelText('Password'), password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Enter your sign-in code' })).toBeVisible()
    await user.type(screen.getByLabelText('6-digit code'), app.generate())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
  })
})

describe('the account page, with passkeys and two-step sign-in', () => {
  it("updates the passkey section's two-step notice at once when a factor is turned on or off in the two-step section", async () => {
    await cognito('SetUserPoolMfaConfig', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      MfaConfiguration: 'OPTIONAL',
      EmailMfaConfiguration: { Message: 'Code {####}' },
    })
    const { email, password } = await createVerifiedUser({ email: testEmail('notice') })
    const { user } = await startSignIn(email)
    await user.click(await screen.findByRole('button', { name: 'Use my password' }))
    await user.type(screen.getByLabelText('Password'), password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('heading', { name: 'Projects' })
    await user.click(screen.getByRole('link', { name: /^Account:/ }))

    const passkeys = await screen.findByRole('region', { name: 'Passkeys' })
    const notice = /^You use two-step verification/
    await user.click(await screen.findByRole('button', { name: 'Turn on E-mail' }))
    expect(await within(passkeys).findByText(notice)).toBeVisible()
    await user.click(await screen.findByRole('button', { name: 'Turn off E-mail' }))
    await waitFor(() => expect(within(passkeys).queryByText(notice)).toBeNull())
  })
})

describe('passwordless sign-up', () => {
  spaceOutAutoSignIns()

  async function signUp() {
    const email = testEmail('new')
    const rendered = app.renderApp({ route: '/sign-up' })
    expect(await screen.findByRole('heading', { name: 'Create an account' })).toBeVisible()
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument()
    await rendered.user.type(screen.getByLabelText('Email'), email)
    await rendered.user.click(screen.getByRole('button', { name: 'Create account' }))
    return { ...rendered, email }
  }

  it('says a wrong confirmation code is wrong, and the right one signs in and offers a passkey that "Not now" skips', async () => {
    const { user, router, email } = await signUp()
    const codeField = await screen.findByLabelText('Sign-in code')
    const code = latestCode(email)
    await user.type(codeField, code === '00000000' ? '11111111' : '00000000')
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }))
    await alertSaying('That code is wrong.')

    await user.clear(codeField)
    await user.type(codeField, code)
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'))
    const offer = await screen.findByRole('group', { name: 'Passkeys' })
    expect(within(offer).getByText(/Add a passkey now/)).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'Not now' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
    expect(router.state.location.search).toBe('')
    // Skipped: no prompt was shown and Cognito holds no passkey for the user.
    expect(authenticator.credentials).toEqual([])
    const { AccessToken } = await signInAsNewUser(email)
    const { Credentials } = await cognito<{ Credentials: unknown[] }>('ListWebAuthnCredentials', {
      AccessToken,
    })
    expect(Credentials).toEqual([])

    // The offer is gone for good: the account page now shows the plain passkey section.
    await router.navigate('/account')
    expect(await screen.findByRole('heading', { name: 'Passkeys' })).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull()
  })

  it('adds a passkey from the offer, then goes where the user was going', async () => {
    const { user, router, email } = await signUp()
    await user.type(await screen.findByLabelText('Sign-in code'), latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }))
    await screen.findByRole('group', { name: 'Passkeys' })
    await user.click(screen.getByRole('button', { name: 'Add a passkey' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
    expect(authenticator.credentials).toHaveLength(1)
  })
})

/** Tokens for a user without a password: an e-mailed code through USER_AUTH, as Cognito's API takes it. */
async function signInAsNewUser(email: string) {
  const started = await cognito<{ Session: string }>('InitiateAuth', {
    ClientId: DEFAULT_CLIENT_ID,
    AuthFlow: 'USER_AUTH',
    AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
  })
  const { AuthenticationResult } = await cognito<{ AuthenticationResult: { AccessToken: string } }>(
    'RespondToAuthChallenge',
    {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'EMAIL_OTP',
      Session: started.Session,
      ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: latestCode(email) },
    },
  )
  return AuthenticationResult
}
