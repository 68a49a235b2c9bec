/**
 * The managed-login pages: plain HTML forms, no script and no inline style,
 * so they work under the app's strict CSP (default-src 'self').
 */
import type { AuthorizeRequest } from './oauth-authorize.ts'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

export function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>
`
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'",
    },
  })
}

const hiddenFields = (params: URLSearchParams) =>
  [...params]
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('\n')

/** The social providers' own names for themselves; SAML and OIDC ones go by the pool's name. */
const DISPLAY_NAMES: Record<string, string> = {
  SignInWithApple: 'Apple',
  LoginWithAmazon: 'Amazon',
}
const displayName = (provider: string) => DISPLAY_NAMES[provider] ?? provider

export function loginPage(
  base: string,
  request: AuthorizeRequest,
  providers: string[],
  message?: string,
): Response {
  const nativeAllowed = request.client.oauth?.supportedIdentityProviders.includes('COGNITO')
  const form = nativeAllowed
    ? `<form method="post" action="${escape(`${base}/login`)}">
${hiddenFields(request.params)}
<p><label for="username">Email</label><br><input id="username" name="username" type="email" autocomplete="username" value="${escape(request.loginHint ?? '')}" required></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>`
    : ''
  const links = providers
    .map((name) => {
      const query = new URLSearchParams(request.params)
      query.set('identity_provider', name)
      return `<li><a href="${escape(`${base}/oauth2/authorize?${query}`)}">Continue with ${escape(displayName(name))}</a></li>`
    })
    .join('\n')
  const alert = message ? `<p role="alert">${escape(message)}</p>` : ''
  return page(
    'Sign in (local emulator)',
    `${alert}\n${form}\n${links ? `<ul>\n${links}\n</ul>` : ''}`,
    message ? 400 : 200,
  )
}

export function standInPage(
  base: string,
  provider: string,
  request: AuthorizeRequest,
  recentEmails: string[],
): Response {
  const action = `${base}/provider/${encodeURIComponent(provider)}`
  const recent = recentEmails
    .map(
      (email) =>
        `<li><button type="submit" name="recent" value="${escape(email)}">${escape(email)}</button></li>`,
    )
    .join('\n')
  return page(
    `${displayName(provider)} (local emulator)`,
    `<p>This page stands in for ${escape(displayName(provider))}: no password, no real account.</p>
<form method="post" action="${escape(action)}">
${hiddenFields(request.params)}
<p><label for="email">Email</label><br><input id="email" name="email" type="email" autocomplete="email" value="${escape(request.loginHint ?? '')}"></p>
<p><button type="submit" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>
${recent ? `<h2>Recent</h2>\n<ul>\n${recent}\n</ul>` : ''}
</form>`,
  )
}

/** Cognito's own error page, where a request it can't trust is sent (e.g. redirect_mismatch). */
export function errorPage(url: URL): Response {
  const error = url.searchParams.get('error') ?? 'unknown'
  return page(
    'An error was encountered with the requested page.',
    `<p>Error: <code>${escape(error)}</code></p>`,
    400,
  )
}
