import { useLayoutEffect, useRef } from 'react'

/**
 * A ref for a controlled field of a prerendered page (src/prerender.tsx) that
 * takes in what was typed, filled in by a password manager or picked before
 * React took the page over: React keeps such a value on screen but not in its
 * state (hydration neither reads it nor fires onChange for it), so the form
 * would send nothing and a language picked early would show but not apply.
 */
export function useValueChosenEarly<Field extends HTMLInputElement | HTMLSelectElement>(
  value: string,
  onChange: (value: string) => void,
) {
  const ref = useRef<Field>(null)
  useLayoutEffect(() => {
    const chosen = ref.current?.value
    if (chosen !== undefined && chosen !== value) onChange(chosen)
    // Only what was there when the field first appeared; later changes go through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return ref
}
