import { PasswordlessSignInScreen } from '@/features/auth/passwordless/passwordless-sign-in-screen'

/** Lazily loaded, and only where VITE_SIGN_IN_METHODS allows more than passwords. */
export const Component = PasswordlessSignInScreen
