import { Button } from '@aws-amplify/ui-react'
import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { PageTitle } from '@/components/page-title'
import { useHydrated } from '../lib/prerendered-form'
import './ui-kit-styles'

/**
 * One step of an auth flow: its heading takes focus when the step appears, so
 * a screen reader announces where the user is and Tab starts at the form.
 * A layout effect: focus moves in the same commit that shows the step, so
 * nothing (a user, a test) sees the new heading before it has focus.
 */
export function AuthPage({
  title,
  children,
  stepKey,
}: {
  title: string
  children: ReactNode
  /** Changes when a screen moves to its next step, to move focus again. */
  stepKey?: string
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const sectionRef = useRef<HTMLElement>(null)
  const firstStep = useRef(true)
  useLayoutEffect(() => {
    // On a prerendered page the visitor may already be in the form when React
    // takes it over: they keep their place. Later steps move focus as always.
    const busy = firstStep.current && sectionRef.current?.contains(document.activeElement)
    firstStep.current = false
    if (!busy) headingRef.current?.focus()
  }, [stepKey])
  return (
    <section ref={sectionRef} className="page auth-page" aria-labelledby="auth-page-title">
      <PageTitle page={title} />
      <h1 id="auth-page-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  )
}

/**
 * ui-react's primary Button. While the form is pending it stays focusable and
 * says so (aria-disabled and the busy label) rather than ui-react's isLoading,
 * which disables it and would drop keyboard focus to the page.
 */
export function SubmitButton({
  pending,
  label,
  busyLabel,
}: {
  pending: boolean
  label: string
  busyLabel: string
}) {
  return (
    <Button
      type="submit"
      variation="primary"
      aria-disabled={pending || undefined}
      isDisabled={!useHydrated()}
    >
      {pending ? busyLabel : label}
    </Button>
  )
}
