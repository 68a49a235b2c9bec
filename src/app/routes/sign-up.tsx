import { SignUpScreen } from '@/features/auth/sign-up/sign-up-screen'

/** Lazily loaded: a returning signed-in user never downloads this screen. */
export const Component = SignUpScreen
