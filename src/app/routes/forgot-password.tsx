import { ForgotPasswordScreen } from '@/features/auth/forgot-password/forgot-password-screen'

/** Lazily loaded: a returning signed-in user never downloads this screen. */
export const Component = ForgotPasswordScreen
