import { useLocation, useNavigate, useSearchParams } from 'react-router-dom'
import { readAuthState } from './auth-location-state'

/**
 * Where an auth screen stands in the flow: the page to return to afterwards
 * (`next`, from the URL) and what the previous step handed over (location
 * state), with `navigate` to move to the next step.
 */
export function useAuthFlow() {
  const location = useLocation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  return { next: params.get('next'), state: readAuthState(location.state), navigate }
}
