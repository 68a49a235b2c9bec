import { useEffect, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { paths } from '@/config/paths'
import { checkSession } from '@/lib/auth'
import { useMessages } from '@/lib/i18n'
import type { RedirectOutcome } from '@/lib/redirect-sign-in'
import { AuthPage } from '../components/auth-page'
import { withNext } from '../lib/next-path'
import { authErrorMessages } from '../messages/auth-error-messages'
import { callbackMessages, type RedirectProblem } from './callback-messages'

/** What went wrong, and for the app client's settings, which one to fix. */
interface Failure {
  problem: RedirectProblem
  reason: string
}

/** The errors Cognito sends back to the callback URL (its authorize endpoint's), by what the user is told. */
const RETURNED_ERRORS: Record<string, RedirectProblem> = {
  access_denied: 'cancelled',
  // What Sign in with Apple relays when the user cancels there.
  user_cancelled_authorize: 'cancelled',
  unauthorized_client: 'client-flow',
  unsupported_response_type: 'client-flow',
  invalid_scope: 'client-scope',
}

/**
 * Reads a failed sign-in: an `error` Cognito put on the callback URL says it
 * all; otherwise Amplify refused what came back (the `state` it kept didn't
 * match) or the token endpoint did (a code used or expired: `invalid_grant`).
 */
export function classifyRedirectFailure(
  returned: URLSearchParams,
  error: { name: string; message: string },
): Failure {
  const code = returned.get('error')
  const description = returned.get('error_description') ?? ''
  if (code) return { problem: RETURNED_ERRORS[code] ?? 'refused', reason: description || code }
  const { name, message } = error
  if (name === 'TypeError') return { problem: 'network', reason: '' }
  if (/validating the state|has been canceled/.test(message))
    return { problem: 'state', reason: '' }
  if (/cancelled OAuth flow/.test(message)) return { problem: 'cancelled', reason: '' }
  if (message === 'invalid_grant') return { problem: 'code', reason: '' }
  if (message === 'unauthorized_client' || message === 'invalid_client') {
    return { problem: 'client-flow', reason: message }
  }
  return { problem: 'refused', reason: message }
}

/** One finish per page: React's development double effects must not trade the code twice. */
let finishing: Promise<RedirectOutcome> | undefined
const finishOnce = () =>
  (finishing ??= import('@/lib/redirect-sign-in').then((module) => module.finishRedirectSignIn()))

/**
 * Where the pool's domain sends the browser back (`/oauth/callback`): it
 * finishes the sign-in and goes on to where the user was going; a sign-in that
 * failed says why, and leads back to one that works.
 */
export function OAuthCallbackScreen() {
  const t = useMessages(callbackMessages)
  const navigate = useNavigate()
  const [failure, setFailure] = useState<Failure>()

  useEffect(() => {
    // Read before Amplify replaces the address: what Cognito sent back.
    const returned = new URLSearchParams(window.location.search)
    let live = true
    const fail = (next: Failure) => {
      if (!live) return
      setFailure(next)
      // Neither the code nor the error stays in the address bar, nor in history.
      void navigate(paths.oauthCallback, { replace: true })
    }
    finishOnce().then(
      async (outcome) => {
        if (outcome.status === 'failed')
          return fail(classifyRedirectFailure(returned, outcome.error))
        if (outcome.status === 'none') return fail({ problem: 'none', reason: '' })
        // The page the user was going to, for the guard, which goes on there once the session is read.
        await navigate(withNext(paths.oauthCallback, outcome.next), { replace: true })
        await checkSession()
      },
      () => fail({ problem: 'network', reason: '' }),
    )
    return () => {
      live = false
    }
  }, [navigate])

  if (!failure) {
    return <AuthPage title={t.finishing}>{null}</AuthPage>
  }
  const problem = t.problems[failure.problem]
  // Only an app client's settings have a fix, for whoever deployed.
  const fix = t.fixes[failure.problem as keyof typeof t.fixes] as string | undefined
  return (
    <AuthPage title={t.failedTitle} stepKey="failed">
      <div role="alert">
        <p>{typeof problem === 'function' ? problem(failure.reason) : problem}</p>
        {fix && <DeployerFix text={fix} reason={failure.reason} />}
      </div>
      <p>
        <Link to={paths.signIn}>{t.backToSignIn}</Link>
      </p>
    </AuthPage>
  )
}

function DeployerFix({ text, reason }: { text: string; reason: string }) {
  const { forDeployers } = useMessages(authErrorMessages)
  const t = useMessages(callbackMessages)
  return (
    <details className="deployer-fix">
      <summary>{forDeployers}</summary>
      <p>{text}</p>
      {reason && <p>{t.cognitoSaid(reason)}</p>}
    </details>
  )
}
