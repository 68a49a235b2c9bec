/**
 * Amplify's session calls: what the session store (auth.ts) loads once the
 * first screen is up, or sooner when it needs Amplify (a refresh is due, a
 * sign-out), and configures before the first of them.
 */
export { configureAmplify } from '@/lib/auth-config'
export { fetchAuthSession, signOut } from 'aws-amplify/auth'
export { Hub } from 'aws-amplify/utils'
