import { afterEach, describe, expect, it, vi } from 'vitest'
import { signInWithPassword } from '@/lib/auth-calls'
import { createVerifiedUser, signInTestUser, testEmail } from '../../tests/setup/auth'
import { server } from '../../tests/setup/local-aws'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('signing in over tokens left by an earlier session', () => {
  it('signs the leftover tokens out and signs in with the typed ones', async () => {
    await signInTestUser()
    const next = await createVerifiedUser({ email: testEmail('next') })
    expect(await signInWithPassword(next.email, next.password)).toEqual({ name: 'done' })
  })

  it('tries once more only: when the sign-out cannot clear them, it reports the refusal instead of looping', async () => {
    await signInTestUser()
    const next = await createVerifiedUser({ email: testEmail('next') })
    // A browser whose storage refuses to forget: Amplify's sign-out can't clear the tokens.
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {})
    const signOuts: string[] = []
    const count = ({ request }: { request: Request }) => {
      const target = request.headers.get('x-amz-target') ?? ''
      if (target.endsWith('.RevokeToken')) signOuts.push(target)
    }
    server.events.on('request:start', count)
    try {
      await expect(signInWithPassword(next.email, next.password)).rejects.toMatchObject({
        name: 'UserAlreadyAuthenticatedException',
      })
    } finally {
      server.events.removeListener('request:start', count)
    }
    expect(signOuts).toHaveLength(1)
  })
})
