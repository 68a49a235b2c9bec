import { OAuthCallbackScreen } from '@/features/auth/federated/oauth-callback-screen'

/** Lazily loaded: only a browser coming back from the pool's domain downloads it. */
export const Component = OAuthCallbackScreen
