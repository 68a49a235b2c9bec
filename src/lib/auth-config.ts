/**
 * Amplify Auth, configured from the app's settings once, when this module is
 * first imported. The session store (auth.ts) and the calls (auth-calls.ts)
 * import it before they call Amplify.
 */
import { Amplify } from 'aws-amplify'
import { env } from '@/config/env'

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: env.userPoolId,
      userPoolClientId: env.userPoolClientId,
      ...(env.cognitoEndpoint ? { userPoolEndpoint: env.cognitoEndpoint } : {}),
      loginWith: { email: true },
      signUpVerificationMethod: 'code',
    },
  },
})
