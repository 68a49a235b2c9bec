/** Every route of the app, in one place, so links and redirects can't drift apart. */
export const paths = {
  home: '/',
  projects: '/projects',
  account: '/account',
  signIn: '/sign-in',
  signUp: '/sign-up',
  confirmSignUp: '/sign-up/confirm',
  forgotPassword: '/forgot-password',
} as const
