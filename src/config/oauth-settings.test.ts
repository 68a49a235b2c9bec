import { describe, expect, it } from 'vitest'
import { checkOAuthSettings, parseOAuthSettings } from './oauth-settings'
import { paths } from './paths'

describe('the pool’s domain and providers', () => {
  it('reads the domain, the providers by kind, and this origin’s callback and sign-out pages', () => {
    expect(
      parseOAuthSettings(
        'auth.example.com',
        'Google, SignInWithApple,AcmeCorp,Google',
        'https://app.example.com',
      ),
    ).toEqual({
      domain: 'auth.example.com',
      providers: [
        { name: 'Google', kind: 'Google' },
        { name: 'SignInWithApple', kind: 'Apple' },
        { name: 'AcmeCorp', kind: 'custom' },
      ],
      redirectSignIn: 'https://app.example.com/oauth/callback',
      redirectSignOut: 'https://app.example.com/sign-in',
    })
  })

  it('takes a path as the app’s own origin, as local mode’s emulator is', () => {
    expect(parseOAuthSettings('/local-aws/', 'Google', 'http://127.0.0.1:5173')?.domain).toBe(
      '127.0.0.1:5173/local-aws',
    )
  })

  it('is off without a domain', () => {
    expect(parseOAuthSettings(' ', undefined, 'https://app.example.com')).toBeUndefined()
  })

  it('refuses at build time half a setting, or a domain with a scheme', () => {
    expect(() => checkOAuthSettings(undefined, 'Google')).toThrow(/without VITE_OAUTH_DOMAIN/)
    expect(() => checkOAuthSettings('auth.example.com', ' , ')).toThrow(/lists no provider/)
    expect(() => checkOAuthSettings('https://auth.example.com', 'Google')).toThrow(/has a scheme/)
    expect(() => checkOAuthSettings(undefined, undefined)).not.toThrow()
    expect(() => checkOAuthSettings('auth.example.com', 'Google')).not.toThrow()
  })
})

describe('the redirect pages', () => {
  it('are the app’s own callback and sign-in routes', () => {
    const settings = parseOAuthSettings('auth.example.com', 'Google', 'https://app.example.com')
    expect(settings?.redirectSignIn).toBe(`https://app.example.com${paths.oauthCallback}`)
    expect(settings?.redirectSignOut).toBe(`https://app.example.com${paths.signIn}`)
  })
})
