import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_CLIENT_ID } from 'local-aws/defaults'
import { TEST_PASSWORD } from '../../../../tests/setup/auth'
import { cognito, rememberDevices } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'

const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const FIREFOX_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0'

/** The same user signing in elsewhere: a second device, confirmed as its browser would. */
async function signInElsewhere(email: string, name: string) {
  const { AuthenticationResult } = await cognito<{
    AuthenticationResult: { AccessToken: string; NewDeviceMetadata: { DeviceKey: string } }
  }>('InitiateAuth', {
    ClientId: DEFAULT_CLIENT_ID,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: TEST_PASSWORD },
  })
  await cognito('ConfirmDevice', {
    AccessToken: AuthenticationResult.AccessToken,
    DeviceKey: AuthenticationResult.NewDeviceMetadata.DeviceKey,
    DeviceName: name,
    DeviceSecretVerifierConfig: { PasswordVerifier: 'AQID', Salt: 'BAUG' },
  })
  return AuthenticationResult.NewDeviceMetadata.DeviceKey
}

const devicesOf = async (email: string) =>
  (
    await cognito<{ Devices: { DeviceKey: string }[] }>('AdminListDevices', {
      UserPoolId: 'local-1_L0calP00l',
      Username: email,
    })
  ).Devices.map((d) => d.DeviceKey)

describe('the account page’s devices', () => {
  it('lists the user’s browsers by a readable name, marks this one, and forgets any of them', async () => {
    await rememberDevices('always')
    // Amplify names this browser's device by its user agent (ConfirmDevice's DeviceName).
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(CHROME_ON_LINUX)
    const { user, signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email } = (await signedInUser)!
    const elsewhere = await signInElsewhere(email, FIREFOX_ON_WINDOWS)

    const section = within(await screen.findByRole('region', { name: 'Browsers you sign in with' }))
    expect(section.getByText(/remembered automatically, this one included/)).toBeVisible()
    const list = within(await section.findByRole('list'))
    const rows = list.getAllByRole('listitem')
    expect(rows).toHaveLength(2)
    expect(list.getByText('Chrome on Linux').closest('li')).toHaveTextContent('(this browser)')
    expect(list.getByText('Firefox on Windows').closest('li')).not.toHaveTextContent('this browser')
    expect(list.getByText('Firefox on Windows').closest('li')).toHaveTextContent(
      /last sign-in \w+ \d+, \d{4}.*, remembered/,
    )

    await user.click(list.getByRole('button', { name: 'Forget Firefox on Windows' }))
    await waitFor(() =>
      expect(section.getAllByRole('status')[0]).toHaveTextContent(
        'Firefox on Windows is forgotten: its next sign-in asks for the code.',
      ),
    )
    expect(section.getByRole('heading', { name: 'Browsers you sign in with' })).toHaveFocus()
    expect(await devicesOf(email)).not.toContain(elsewhere)
    await waitFor(() => expect(section.getAllByRole('listitem')).toHaveLength(1))

    await user.click(section.getByRole('button', { name: 'Forget this browser' }))
    await waitFor(() =>
      expect(section.getAllByRole('status')[0]).toHaveTextContent(
        'This browser is forgotten: your next sign-in here asks for the code.',
      ),
    )
    expect(await devicesOf(email)).toEqual([])
    // Amplify no longer holds a device for this user: its next sign-in is a new device's.
    expect(Object.keys(localStorage).filter((key) => key.endsWith('.deviceKey'))).toEqual([])
    expect(await section.findByText(/No browser is listed yet/)).toBeVisible()
  })

  it('are kept by this browser when the user signs out', async () => {
    await rememberDevices('always')
    const { user } = renderApp({ route: '/account', signedIn: true })
    await screen.findByRole('region', { name: 'Browsers you sign in with' })
    const deviceKeys = () => Object.keys(localStorage).filter((key) => key.endsWith('.deviceKey'))
    expect(deviceKeys()).toHaveLength(1)
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(deviceKeys()).toHaveLength(1)
  })

  it('are not shown for a pool that doesn’t remember devices', async () => {
    renderApp({ route: '/account', signedIn: true })
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeVisible()
    expect(await screen.findByRole('button', { name: 'Sign out everywhere' })).toBeVisible()
    expect(screen.queryByRole('region', { name: 'Browsers you sign in with' })).toBeNull()
  })
})
