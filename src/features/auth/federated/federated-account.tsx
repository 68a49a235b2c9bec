import { oauthProvider } from '@/config/oauth-settings'
import { useMessages } from '@/lib/i18n'
import { federatedAccountMessages } from './federated-account-messages'
import { providerLabel } from '@/config/oauth-settings'

/** "Signed in with Google", on the account page of a user Cognito made for a provider. */
export function FederatedAccount({ provider }: { provider: string }) {
  const t = useMessages(federatedAccountMessages)
  const label = providerLabel(oauthProvider(provider))
  return (
    <>
      <p className="account-provider">{t.signedInWith(label)}</p>
      <p>{t.federatedPassword(label)}</p>
    </>
  )
}
