import { lazy, Suspense, type ComponentProps } from 'react'
import { useMessages } from '@/lib/i18n'
import { WithQueryClient } from '@/lib/shared-query-client'
import { signInMessages } from '../sign-in/sign-in-messages'

// Only a sign-in that needs a further step (a new password, MFA) loads these screens,
// whichever sign-in screen (password or choice-based) it started on.
const SignInSteps = lazy(() =>
  import('./sign-in-steps').then((module) => ({ default: module.SignInSteps })),
)

/** The step screens, saying that one more step is on its way while they load. */
export function LazySignInSteps(props: ComponentProps<typeof SignInSteps>) {
  const t = useMessages(signInMessages)
  const loading = <p className="page">{t.loadingStep}</p>
  // The offer to remember this device asks Cognito through a query.
  return (
    <Suspense fallback={loading}>
      <WithQueryClient fallback={loading}>
        <SignInSteps {...props} />
      </WithQueryClient>
    </Suspense>
  )
}
