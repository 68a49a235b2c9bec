import { PasswordlessSignUpScreen } from '@/features/auth/passwordless/passwordless-sign-up-screen'

/** Lazily loaded, and only where VITE_SIGN_IN_METHODS allows more than passwords. */
export const Component = PasswordlessSignUpScreen
