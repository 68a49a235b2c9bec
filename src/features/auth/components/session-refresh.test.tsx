import { act, screen } from '@testing-library/react'
import { decodeJwt } from 'jose'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetLocalAws } from '../../../../tests/setup/local-aws'
import { renderApp } from '../../../../tests/setup/render-app'
import { getIdToken } from '@/lib/auth'

// One clock for the emulator and Amplify, so the refreshed token's `iat` is known exactly.
let now = Date.UTC(2030, 0, 15, 9, 0, 0)
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
  resetLocalAws({ now: () => now })
})
afterEach(() => vi.useRealTimers())

const refreshToken = () => {
  const key = Object.keys(localStorage).find((name) => name.endsWith('.refreshToken'))
  return key ? localStorage.getItem(key) : null
}

describe('a forced refresh', () => {
  it('hands out a new IdToken of the same session, which the app uses from then on', async () => {
    const { signedInUser } = renderApp({ route: '/account', signedIn: true })
    const { email } = (await signedInUser)!
    await screen.findByRole('heading', { name: 'Your account' })
    const before = await getIdToken()
    const storedRefreshToken = refreshToken()
    expect(before).toMatch(/^ey/)
    // Not yet near expiry: without forcing, the same token comes back.
    expect(await getIdToken()).toBe(before)

    now += 10_000
    vi.setSystemTime(now)
    let after: string | undefined
    await act(async () => {
      after = await getIdToken({ forceRefresh: true })
    })

    expect(after).toMatch(/^ey/)
    expect(after).not.toBe(before)
    const old = decodeJwt(before!)
    const fresh = decodeJwt(after!)
    expect(fresh.jti).not.toBe(old.jti)
    expect(fresh.iat).toBe(old.iat! + 10)
    expect(fresh.exp).toBe(old.exp! + 10)
    // The same user and sign-in: a refresh, not a new sign-in.
    expect(fresh).toMatchObject({ sub: old.sub, email, auth_time: old.auth_time })
    expect(refreshToken()).toBe(storedRefreshToken)

    expect(await getIdToken()).toBe(after)
    expect(screen.getByRole('heading', { name: 'Your account' })).toBeInTheDocument()
  })
})
