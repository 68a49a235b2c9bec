import { paths } from '@/config/paths'

const AUTH_PAGES: readonly string[] = [
  paths.signIn,
  paths.signUp,
  paths.confirmSignUp,
  paths.forgotPassword,
  paths.oauthCallback,
]

/**
 * Where to go after signing in: the `next` the guard recorded, if it is a page
 * of this app. Anything else (another site, `//evil.example`, `/\evil`, a
 * sign-in page) falls back to the projects, so the link can't be used to send
 * someone off-site.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return paths.projects
  }
  try {
    const base = 'https://app.invalid'
    const url = new URL(next, base)
    if (url.origin !== base) return paths.projects
    if (AUTH_PAGES.includes(url.pathname)) return paths.projects
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return paths.projects
  }
}

/** `/sign-in?next=…` for a page the user should come back to. */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = next ? safeNextPath(next) : undefined
  return safe && safe !== paths.projects ? `${path}?next=${encodeURIComponent(safe)}` : path
}
