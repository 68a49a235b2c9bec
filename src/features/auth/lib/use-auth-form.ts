import { useEffect, useRef, useState } from 'react'
import {
  classifyAuthError,
  problemField,
  type AuthAction,
  type AuthProblem,
} from './classify-auth-error'

/**
 * A form's submit state: pending while Cognito answers, and the problem to
 * show. After a failed submit, focus moves to the field at fault, or to the
 * form's alert when no field is, so keyboard and screen-reader users land on
 * the message. `onProblem` hears of each failure the form shows.
 */
export function useAuthForm(action: AuthAction, onProblem?: (problem: AuthProblem) => void) {
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<AuthProblem>()
  const [attempt, setAttempt] = useState(0)
  const alertRef = useRef<HTMLDivElement>(null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (!problem) return
    const field = problemField(problem)
    const target = field ? formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`) : null
    ;(target ?? alertRef.current)?.focus()
  }, [problem, attempt])

  /** Runs the submit; a thrown error becomes the problem shown. `check` validates first. */
  async function submit(run: () => Promise<void>, check?: () => AuthProblem | undefined) {
    if (pending) return
    setAttempt((n) => n + 1)
    const invalid = check?.()
    if (invalid) {
      setProblem(invalid)
      return
    }
    setProblem(undefined)
    setPending(true)
    try {
      await run()
    } catch (error) {
      const found = classifyAuthError(error, action)
      setProblem(found)
      onProblem?.(found)
    } finally {
      setPending(false)
    }
  }

  return { pending, problem, setProblem, submit, alertRef, formRef }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The first missing or malformed field, checked before anything is sent. */
export function checkFields(fields: {
  email?: string
  password?: string
  newPassword?: string
  code?: string
  mfaCode?: string
}): AuthProblem | undefined {
  if (fields.email !== undefined) {
    if (!fields.email.trim()) return { kind: 'missing', field: 'email' }
    if (!EMAIL.test(fields.email.trim())) return { kind: 'invalid-email', field: 'email' }
  }
  if (fields.code !== undefined && !fields.code.trim()) return { kind: 'missing', field: 'code' }
  if (fields.mfaCode !== undefined && !fields.mfaCode.trim()) {
    return { kind: 'missing', field: 'mfaCode' }
  }
  if (fields.password !== undefined && !fields.password) {
    return { kind: 'missing', field: 'password' }
  }
  if (fields.newPassword !== undefined && !fields.newPassword) {
    return { kind: 'missing', field: 'newPassword' }
  }
  return undefined
}
