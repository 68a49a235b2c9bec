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
