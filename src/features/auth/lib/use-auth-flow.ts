import { useLocation, useNavigate, useSearchParams } from 'react-router-dom'
import { lastEnding } from '@/lib/auth'
import { readAuthState } from './auth-location-state'

/**
 * Where an auth screen stands in the flow: the page to return to afterwards
 * (`next`, from the URL) and what the previous step handed over (location
 * state), with `navigate` to move to the next step. A page that no navigation
 * brought here (the pool's /logout sent the browser back) takes both from how
 * the session ended (lastEnding).
 */
export function useAuthFlow() {
  const location = useLocation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const state = readAuthState(location.state)
  const ended = lastEnding()
  return {
    next: params.get('next') ?? ended.next ?? null,
    state: { ...state, reason: state.reason ?? ended.reason },
    navigate,
  }
}
