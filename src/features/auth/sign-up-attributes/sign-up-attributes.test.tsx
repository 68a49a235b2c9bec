/**
 * The sign-up screens of a build with VITE_SIGN_UP_ATTRIBUTES, on a pool that
 * requires those attributes (the emulator's schema), and the doctor of a build
 * that doesn't name what its pool requires.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_USER_POOL_ID } from 'local-aws/defaults'
import { spaceOutAutoSignIns, TEST_PASSWORD, testEmail } from '../../../../tests/setup/auth'
import { cognito, latestCode, localAws, resetLocalAws } from '../../../../tests/setup/local-aws'
import { restoreSettings, withSettings } from '../../../../tests/setup/settings'

const requiringNameAndPhone = () =>
  resetLocalAws({
    schema: { requiredAttributes: ['name', 'phone_number'], customAttributes: ['team'] },
  })

/** What the pool keeps for `email`, as an administrator reads it. */
async function storedAttributes(email: string) {
  const { UserAttributes } = await cognito<{ UserAttributes: { Name: string; Value: string }[] }>(
    'AdminGetUser',
    { UserPoolId: DEFAULT_USER_POOL_ID, Username: email },
  )
  return Object.fromEntries(UserAttributes.map(({ Name, Value }) => [Name, Value]))
}

const sentCodes = () => localAws().inbox().length

afterEach(() => restoreSettings())

describe('sign-up with VITE_SIGN_UP_ATTRIBUTES', () => {
  spaceOutAutoSignIns()

  const settings = { VITE_SIGN_UP_ATTRIBUTES: 'name,phone_number,birthdate,custom:team' }

  it('asks for each attribute with its own input and autofill, after the email', async () => {
    const app = await withSettings(settings)
    app.renderApp({ route: '/sign-up' })
    const form = await screen.findByRole('region', { name: 'Create an account' })
    const fields = within(form).getAllByRole('textbox')
    expect(fields.map((field) => field.getAttribute('name'))).toEqual([
      'email',
      'name',
      'phone_number',
      'custom:team',
    ])
    expect(within(form).getByLabelText('Full name')).toHaveAttribute('autocomplete', 'name')
    const phone = within(form).getByLabelText('Phone number')
    expect(phone).toHaveAttribute('type', 'tel')
    expect(phone).toHaveAttribute('autocomplete', 'tel')
    expect(phone).toHaveAccessibleDescription(/With \+ and the country code, e\.g\. \+1 555/)
    const birthdate = within(form).getByLabelText('Date of birth')
    expect(birthdate).toHaveAttribute('type', 'date')
    expect(birthdate).toHaveAttribute('autocomplete', 'bday')
    // A custom attribute has no label but its name.
    expect(within(form).getByLabelText('team')).toHaveAttribute('type', 'text')
  })

  it('sends them as Cognito wants them: the phone number in E.164, the date as YYYY-MM-DD', async () => {
    requiringNameAndPhone()
    const app = await withSettings(settings)
    const { user, router } = app.renderApp({ route: '/sign-up' })
    const email = testEmail('attributes')
    await user.type(await screen.findByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Full name'), '  Ada Lovelace ')
    // As people write it, and as a Japanese keyboard types it: full-width, with hyphens.
    await user.type(screen.getByLabelText('Phone number'), '＋８１ 90-1234-5678')
    await user.type(screen.getByLabelText('Date of birth'), '1990-04-01')
    await user.type(screen.getByLabelText('team'), 'Analytical')
    await user.type(screen.getByLabelText('Choose a password'), TEST_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    expect(await screen.findByRole('heading', { name: 'Confirm your email' })).toHaveFocus()
    expect(await storedAttributes(email)).toMatchObject({
      email,
      name: 'Ada Lovelace',
      phone_number: '+819012345678',
      birthdate: '1990-04-01',
      'custom:team': 'Analytical',
    })
    await user.type(screen.getByLabelText('Confirmation code'), latestCode(email))
    await user.click(screen.getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/projects'))
  })

  it('says what each empty or malformed field needs, next to it, in both languages, and sends nothing', async () => {
    const app = await withSettings({ VITE_SIGN_UP_ATTRIBUTES: 'name,phone_number' })
    const { user } = app.renderApp({ route: '/sign-up' })
    await user.type(await screen.findByLabelText('Email'), testEmail())
    await user.type(screen.getByLabelText('Choose a password'), TEST_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const name = screen.getByLabelText('Full name')
    expect(name).toHaveFocus()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription(/^Error:\s*Enter your full name\.$/)
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your full name.')

    await user.type(name, 'Ada Lovelace')
    const phone = screen.getByLabelText('Phone number')
    await user.type(phone, '090 1234 5678')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    expect(phone).toHaveFocus()
    expect(phone).toHaveAccessibleDescription(
      /Error:\s*Enter the number with \+ and the country code/,
    )
    expect(name).not.toHaveAttribute('aria-invalid', 'true')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語')
    expect(screen.getByLabelText('氏名')).toHaveValue('Ada Lovelace')
    expect(screen.getByLabelText('電話番号')).toHaveAccessibleDescription(
      /\+ と国番号から番号を入力してください。例: \+81 90 1234 5678/,
    )
    await user.clear(screen.getByLabelText('電話番号'))
    await user.click(screen.getByRole('button', { name: 'アカウントを作成' }))
    expect(screen.getByLabelText('電話番号')).toHaveAccessibleDescription(
      /エラー:\s*電話番号を入力してください。/,
    )
    expect(sentCodes()).toBe(0)
  })

  it('adds the same fields to the passwordless sign-up, and sends them too', async () => {
    requiringNameAndPhone()
    const app = await withSettings({
      VITE_SIGN_IN_METHODS: 'email-code,password',
      VITE_SIGN_UP_ATTRIBUTES: 'name,phone_number',
    })
    await cognito('UpdateUserPool', {
      UserPoolId: DEFAULT_USER_POOL_ID,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
    })
    const { user } = app.renderApp({ route: '/sign-up' })
    const email = testEmail('passwordless')
    await user.type(await screen.findByLabelText('Email'), email)
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    expect(screen.getByLabelText('Full name')).toHaveFocus()

    await user.type(screen.getByLabelText('Full name'), 'Grace Hopper')
    await user.type(screen.getByLabelText('Phone number'), '+1 555 555 0123')
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByRole('heading', { name: 'Confirm your email' })).toHaveFocus()
    expect(await storedAttributes(email)).toMatchObject({
      name: 'Grace Hopper',
      phone_number: '+15555550123',
    })
  })
})

describe('the sign-up doctor', () => {
  it('names the attributes the pool requires and the setting to add them to, in both languages', async () => {
    requiringNameAndPhone()
    // A build that names none of them.
    const app = await withSettings()
    const { user } = app.renderApp({ route: '/sign-up' })
    await user.type(await screen.findByLabelText('Email'), testEmail('doctor'))
    await user.type(screen.getByLabelText('Choose a password'), TEST_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Sign-up isn’t set up correctly on this site, so accounts can’t be created right now.',
    )
    // Focus is on the message, for keyboard and screen-reader users.
    expect(document.activeElement).toContainElement(alert)
    await user.click(within(alert).getByText('For whoever deployed this app'))
    expect(
      within(alert).getByText(
        'This pool requires name and phone_number at sign-up: add them to VITE_SIGN_UP_ATTRIBUTES.',
      ),
    ).toBeVisible()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), '日本語')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'このユーザープールはサインアップ時に name、phone_number を必須としています。VITE_SIGN_UP_ATTRIBUTES に追加してください。',
    )
    expect(sentCodes()).toBe(0)
  })

  it('names one missing attribute, and a custom attribute the pool doesn’t have', async () => {
    resetLocalAws({ schema: { requiredAttributes: ['name', 'birthdate'] } })
    const app = await withSettings({ VITE_SIGN_UP_ATTRIBUTES: 'name,custom:team' })
    const { user } = app.renderApp({ route: '/sign-up' })
    await user.type(await screen.findByLabelText('Email'), testEmail('doctor'))
    await user.type(screen.getByLabelText('Full name'), 'Ada Lovelace')
    await user.type(screen.getByLabelText('team'), 'Analytical')
    await user.type(screen.getByLabelText('Choose a password'), TEST_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'This pool requires birthdate at sign-up: add it to VITE_SIGN_UP_ATTRIBUTES. ' +
        'This pool has no attribute custom:team: remove it from VITE_SIGN_UP_ATTRIBUTES, or add it to the pool’s custom attributes.',
    )
  })
})
