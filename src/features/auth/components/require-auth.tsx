import { Outlet } from 'react-router-dom'

/** Placeholder until sign-in lands: lets everyone through. */
export function RequireAuth() {
  return <Outlet />
}
