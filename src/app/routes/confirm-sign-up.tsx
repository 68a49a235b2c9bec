import { ConfirmSignUpScreen } from '@/features/auth/confirm-sign-up/confirm-sign-up-screen'

/** Lazily loaded: a returning signed-in user never downloads this screen. */
export const Component = ConfirmSignUpScreen
