/**
 * The app's routes, in one table: the router draws its screens from it
 * (src/app/router.tsx), the build writes each its HTML document and prerenders
 * the marked ones (build/route-documents.ts), and the deploy hands it to the
 * CloudFront Function that serves those documents (infra/hosting.yaml). Adding
 * a route is a line here and its screen, `src/app/routes/<screen>.tsx`.
 */
export interface AppRoute {
  path: string
  /** Its lazy screen module, src/app/routes/<screen>.tsx. */
  screen: string
  /** The screen instead when the app signs in with USER_AUTH (VITE_SIGN_IN_METHODS). */
  passwordlessScreen?: string
  /** `guest`: nobody signed in (a signed-in user goes on); `member`: signed in (others go to sign-in). */
  access: 'guest' | 'member'
  /**
   * Its document comes with the screen already drawn for a visitor nobody
   * signed in on, in English and Japanese: only public pages, whose first
   * screen needs no data.
   */
  prerendered?: true
}

export const routes = {
  projects: { path: '/projects', screen: 'projects', access: 'member' },
  account: { path: '/account', screen: 'account', access: 'member' },
  signIn: {
    path: '/sign-in',
    screen: 'sign-in',
    passwordlessScreen: 'passwordless-sign-in',
    access: 'guest',
    prerendered: true,
  },
  signUp: {
    path: '/sign-up',
    screen: 'sign-up',
    passwordlessScreen: 'passwordless-sign-up',
    access: 'guest',
    prerendered: true,
  },
  confirmSignUp: { path: '/sign-up/confirm', screen: 'confirm-sign-up', access: 'guest' },
  forgotPassword: {
    path: '/forgot-password',
    screen: 'forgot-password',
    access: 'guest',
    prerendered: true,
  },
  /** Where the pool's domain sends the browser back after a provider's sign-in (VITE_OAUTH_DOMAIN). */
  oauthCallback: { path: '/oauth/callback', screen: 'oauth-callback', access: 'guest' },
} as const satisfies Record<string, AppRoute>

export type RouteName = keyof typeof routes

/** `/` has no screen of its own: it shows the projects list. */
export const home = { path: '/', redirectsTo: routes.projects.path } as const

/** Every path, by name, for links and redirects. */
export const paths = {
  home: home.path,
  ...(Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, route.path])) as {
    [Name in RouteName]: (typeof routes)[Name]['path']
  }),
}

/** The screen a route shows in a build that signs in with USER_AUTH or with the password screens. */
export const screenOf = (route: AppRoute, { passwordless }: { passwordless: boolean }) =>
  (passwordless && route.passwordlessScreen) || route.screen
