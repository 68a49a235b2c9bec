import { SignInScreen } from '@/features/auth/sign-in/sign-in-screen'

/** Lazily loaded: a returning signed-in user never downloads this screen. */
export const Component = SignInScreen
