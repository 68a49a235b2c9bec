/**
 * Amplify's session calls, configured: what the session store (auth.ts) loads
 * once the first screen is up, or sooner when it needs Amplify (a refresh is
 * due, a sign-out).
 */
import '@/lib/auth-config'

export { fetchAuthSession, signOut } from 'aws-amplify/auth'
export { Hub } from 'aws-amplify/utils'
