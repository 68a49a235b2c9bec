import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../../tests/setup/render-app'
import { createVerifiedUser, TEST_PASSWORD } from '../../../../tests/setup/auth'
import { COGNITO_ENDPOINT, server } from '../../../../tests/setup/local-aws'

/**
 * Cognito answering the password with a challenge nobody knows yet (a step a
 * future pool setting could add): Amplify can't take it, nor can the app.
 */
function futureChallengeAfterPassword() {
  server.use(
    http.post(COGNITO_ENDPOINT, ({ request }) => {
      if (!request.headers.get('x-amz-target')?.endsWith('.RespondToAuthChallenge')) return
      return HttpResponse.json({
        ChallengeName: 'SOME_FUTURE_STEP',
        ChallengeParameters: {},
        Session: 'session-of-the-future-step',
      })
    }),
  )
}

describe('a sign-in step the app does not know', () => {
  it('says so, naming the step, and leads back to a sign-in that works once the step is gone', async () => {
    const { email } = await createVerifiedUser()
    futureChallengeAfterPassword()
    const { user } = renderApp({ route: '/sign-in' })
    await user.type(await screen.findByLabelText('Email'), email)
    await user.type(screen.getByLabelText('Password'), TEST_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    const heading = await screen.findByRole('heading', {
      name: 'This sign-in needs a step the app can’t do yet',
    })
    expect(heading).toHaveFocus()
    expect(screen.getByRole('alert')).toHaveTextContent('“SOME_FUTURE_STEP”')

    // The way back, by keyboard: the button is the next stop after the heading.
    await user.tab()
    expect(screen.getByRole('button', { name: 'Back to sign-in' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible()
    expect(screen.getByLabelText('Email')).toHaveValue(email)

    server.resetHandlers()
    await user.type(screen.getByLabelText('Password'), TEST_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeVisible()
  })
})
