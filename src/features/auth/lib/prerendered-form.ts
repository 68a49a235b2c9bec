import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'

/**
 * The sign-in, sign-up and password-reset pages come prerendered (src/prerender.tsx):
 * their form is on screen before its code has arrived. These hooks keep that
 * form honest until React has taken it over.
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

/**
 * A ref for a controlled input that takes in what was typed, or filled in by a
 * password manager, before React took the prerendered page over: React keeps
 * such text on screen but not in its state, so the form would send nothing.
 */
export function useInputTypedEarly(value: string, onChange: (value: string) => void) {
  const ref = useRef<HTMLInputElement>(null)
  useLayoutEffect(() => {
    const typed = ref.current?.value
    if (typed !== undefined && typed !== value) onChange(typed)
    // Only what was there when the field first appeared; later typing goes through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return ref
}
