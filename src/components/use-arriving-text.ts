import { useEffect, useState } from 'react'

/**
 * The text of a live region that comes with its page (the notice sign-in shows
 * on arrival): nothing at first, then the text a moment later. Screen readers
 * announce a change to a region already in the page; a region that appears
 * already holding its text is often not read.
 */
export function useArrivingText(text: string | undefined, delayMs = 100): string {
  const [arrived, setArrived] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setArrived(true), delayMs)
    return () => clearTimeout(timer)
  }, [delayMs])
  return arrived ? (text ?? '') : ''
}
