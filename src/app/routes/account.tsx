import { AccountScreen } from '@/features/auth/account/account-screen'

/** Lazily loaded: a returning signed-in user never downloads this screen. */
export const Component = AccountScreen
