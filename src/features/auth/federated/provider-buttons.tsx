import { useState } from 'react'
import { oauthSettings, providerLabel, type OAuthProvider } from '@/config/oauth-settings'
import { useMessages } from '@/lib/i18n'
import { useHydrated } from '../lib/prerendered-form'
import { safeNextPath } from '../lib/next-path'
import { providerButtonMessages } from './provider-button-messages'
import { ProviderMark } from './provider-marks'
import './federated.css'

/**
 * "Continue with Google" and the rest: one button per provider the pool offers
 * (VITE_OAUTH_PROVIDERS), above the email form. Pressing one leaves for the
 * provider through the pool's domain; Amplify's code for it loads then.
 * The screens render it only when the build has providers, tested on
 * `import.meta.env` in each screen's own module (vite.config.ts always defines
 * it): the bundler then drops the unused import, and with it this module and
 * its styles, which vite.config.ts marks free of side effects.
 */
export function ProviderButtons({ next }: { next: string | null }) {
  const t = useMessages(providerButtonMessages)
  const hydrated = useHydrated()
  const [leaving, setLeaving] = useState<string>()
  const [failed, setFailed] = useState(false)
  const providers = oauthSettings()?.providers ?? []
  if (providers.length === 0) return null

  async function leaveFor(provider: OAuthProvider) {
    if (leaving) return
    setLeaving(provider.name)
    setFailed(false)
    try {
      const { startRedirectSignIn } = await import('@/lib/redirect-sign-in-start')
      await startRedirectSignIn(provider, safeNextPath(next))
    } catch {
      // The chunk didn't arrive, or Amplify couldn't start: the page stays, and says so.
      setLeaving(undefined)
      setFailed(true)
    }
  }

  return (
    <div className="providers">
      <ul className="provider-list">
        {providers.map((provider) => {
          const label = providerLabel(provider)
          return (
            <li key={provider.name}>
              <button
                type="button"
                className={`provider-button provider-${provider.kind.toLowerCase()}`}
                disabled={!hydrated}
                aria-disabled={leaving ? true : undefined}
                onClick={() => void leaveFor(provider)}
              >
                <ProviderMark kind={provider.kind} />
                {t.continueWith(label)}
              </button>
            </li>
          )
        })}
      </ul>
      {failed && (
        <p role="alert" className="provider-alert">
          {t.startFailed}
        </p>
      )}
      <p className="providers-or">
        <span>{t.or}</span>
      </p>
    </div>
  )
}
