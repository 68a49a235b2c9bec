/**
 * Whether the sign-in and sign-up screens show providers' buttons: a
 * build-time constant (vite.config.ts always defines it), so a build without
 * VITE_OAUTH_PROVIDERS drops the buttons, their code and their styles.
 */
export const offersProviders = import.meta.env.VITE_OAUTH_PROVIDERS !== ''
