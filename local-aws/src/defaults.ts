/**
 * Names the local emulator gives its default user pool and app client, and
 * where the adapters mount it on the app's own origin. Ids are not secrets:
 * fixing them lets `npm run dev` work with no settings at all. Keys are never
 * fixed; they are generated on first use and kept with the state.
 */
export const LOCAL_REGION = 'local-1'
export const DEFAULT_USER_POOL_ID = `${LOCAL_REGION}_L0calP00l`
export const DEFAULT_CLIENT_ID = 'l0ca1app5pac1ient000000000'
/** Path under which the dev server and `vite preview` mount the emulator. */
export const LOCAL_AWS_BASE_PATH = '/local-aws'
/** The API Gateway stage, as in the real API's URL. */
export const API_STAGE = 'dev_1'
/**
 * The default pool's domain (managed login). The emulator serves it at its own
 * base path, so the app's OAuth domain is e.g. `localhost:5173/local-aws`.
 */
export const DEFAULT_OAUTH_DOMAIN = 'local-app'
/** The identity provider local mode sets up, so the app can show its button. */
export const DEFAULT_IDENTITY_PROVIDER = 'Google'
/** Origins the app runs on locally: `npm run dev`, `vite preview` and the app's tests. */
export const LOCAL_APP_ORIGINS = [
  'http://localhost:5173',
  'http://localhost:4173',
  'http://localhost:3000',
] as const
/** Where the app finishes a managed-login sign-in, and where it lands after signing out. */
export const OAUTH_CALLBACK_PATH = '/oauth/callback'
export const OAUTH_SIGN_OUT_PATH = '/sign-in'
