import { useEffect, useRef, type ReactNode } from 'react'
import '../auth.css'

/**
 * One step of an auth flow: its heading takes focus when the step appears, so
 * a screen reader announces where the user is and Tab starts at the form.
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
  useEffect(() => {
    headingRef.current?.focus()
  }, [stepKey])
  return (
    <section className="page auth-page" aria-labelledby="auth-page-title">
      <h1 id="auth-page-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  )
}

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
    <button type="submit" className="button-primary" aria-disabled={pending || undefined}>
      {pending ? busyLabel : label}
    </button>
  )
}
