/**
 * The reference the bench compares the app with: Amplify's stock
 * `<Authenticator>` wrapping a page, as its docs show it, with the same package
 * versions, pointed at the local emulator so it signs in for real.
 */
import { Authenticator } from '@aws-amplify/ui-react'
import '@aws-amplify/ui-react/styles.css'
import { Amplify } from 'aws-amplify'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { DEFAULT_CLIENT_ID, DEFAULT_USER_POOL_ID, LOCAL_AWS_BASE_PATH } from 'local-aws/defaults'

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: DEFAULT_USER_POOL_ID,
      userPoolClientId: DEFAULT_CLIENT_ID,
      userPoolEndpoint: new URL(LOCAL_AWS_BASE_PATH, location.origin).href,
      loginWith: { email: true },
    },
  },
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Authenticator loginMechanisms={['email']}>
      {({ signOut, user }) => (
        <main>
          <h1 data-bench="signed-in">Hello {user?.signInDetails?.loginId}</h1>
          <button onClick={signOut}>Sign out</button>
        </main>
      )}
    </Authenticator>
  </StrictMode>,
)
