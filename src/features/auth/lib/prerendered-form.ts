import { useSyncExternalStore } from 'react'

/**
 * The sign-in, sign-up and password-reset pages come prerendered (src/prerender.tsx):
 * their form is on screen before its code has arrived. This hook keeps that
 * form honest until React has taken it over (src/lib/chosen-early.ts keeps
 * what was typed meanwhile).
 */

const subscribeToNothing = () => () => {}

/**
 * False while the page is the prerendered HTML (and during its hydration),
 * true once React runs it. Until then a submit would be the browser's own, a
 * GET that puts the password in the address: the submit button stays disabled,
 * which also stops Enter from submitting.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
}
