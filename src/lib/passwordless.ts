/**
 * Amplify's choice-based sign-in (USER_AUTH), passwordless sign-up and
 * passkey management. Only the passwordless auth screens and the account
 * page's passkey section import this file, each in its own lazy chunk, so a
 * returning user (and every user of a password-only pool) downloads none of it.
 * Each call configures Amplify first (on first use; importing configures nothing).
 */
import { checkSession } from '@/lib/auth'
import { configureAmplify } from '@/lib/auth-config'
import {
  associateWebAuthnCredential,
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  deleteWebAuthnCredential,
  listWebAuthnCredentials,
  signIn,
  signUp,
  type SignInOutput,
} from 'aws-amplify/auth'
import {
  toSignInStep,
  unaddressedChallenge,
  type SignInStep as PasswordSignInStep,
} from './auth-steps'

/** A first factor as the screens name them. */
export type Factor = 'passkey' | 'email-code' | 'password'

/** Where a sign-in stands after each answer. */
export type SignInStep =
  | { step: 'done' }
  | { step: 'choose'; factors: Factor[] }
  | { step: 'email-code'; destination?: string }
  | { step: 'password' }
  | { step: 'confirm-sign-up' }
  /** After a password, a step of the password sign-in (MFA, a new password): its screens take it. */
  | { step: 'after-password'; next: PasswordSignInStep }

const CHALLENGE: Record<Factor, 'WEB_AUTHN' | 'EMAIL_OTP' | 'PASSWORD_SRP'> = {
  passkey: 'WEB_AUTHN',
  'email-code': 'EMAIL_OTP',
  password: 'PASSWORD_SRP',
}

// Who is signing in: an authenticator-app set-up after the password names the account.
let signingInAs = ''

function toStep({ isSignedIn, nextStep }: SignInOutput): SignInStep {
  if (isSignedIn) return { step: 'done' }
  switch (nextStep.signInStep) {
    case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION': {
      const offered = nextStep.availableChallenges ?? []
      const factors = (Object.keys(CHALLENGE) as Factor[]).filter(
        (factor) =>
          offered.includes(CHALLENGE[factor]) ||
          (factor === 'password' && offered.includes('PASSWORD')),
      )
      return { step: 'choose', factors }
    }
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return { step: 'email-code', destination: nextStep.codeDeliveryDetails?.destination }
    case 'CONFIRM_SIGN_IN_WITH_PASSWORD':
      return { step: 'password' }
    case 'CONFIRM_SIGN_UP':
      return { step: 'confirm-sign-up' }
    case 'DONE':
      return { step: 'done' }
    default:
      return { step: 'after-password', next: toSignInStep(nextStep, signingInAs) }
  }
}

/** Cognito's answer as a step; once signed in, the session knows before the screen moves on. */
async function settle(output: SignInOutput): Promise<SignInStep> {
  const step = toStep(output)
  if (step.step === 'done') await checkSession()
  return step
}

/** Names the user; Cognito answers with the factors this user can use. */
export async function startSignIn(email: string): Promise<SignInStep> {
  configureAmplify()
  signingInAs = email
  return settle(await signIn({ username: email, options: { authFlowType: 'USER_AUTH' } }))
}

/** Picks a factor: a passkey prompts at once, a code is e-mailed, a password is asked for. */
export async function chooseFactor(factor: Factor): Promise<SignInStep> {
  configureAmplify()
  return settle(await confirmSignIn({ challengeResponse: CHALLENGE[factor] }))
}

/** Answers the e-mailed code or the password. */
export async function answerChallenge(answer: string): Promise<SignInStep> {
  configureAmplify()
  try {
    return await settle(await confirmSignIn({ challengeResponse: answer }))
  } catch (error) {
    return { step: 'after-password', next: unaddressedChallenge(error) }
  }
}

/**
 * Starts an account without a password, with the attributes the pool requires
 * (VITE_SIGN_UP_ATTRIBUTES): Cognito e-mails a confirmation code.
 */
export async function signUpWithoutPassword(
  email: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  configureAmplify()
  await signUp({
    username: email,
    options: {
      userAttributes: { ...attributes, email },
      autoSignIn: { authFlowType: 'USER_AUTH' },
    },
  })
}

/** Confirms the code, then signs the new user in with the session Cognito returned. */
export async function confirmPasswordlessSignUp(email: string, code: string): Promise<SignInStep> {
  configureAmplify()
  const { nextStep } = await confirmSignUp({ username: email, confirmationCode: code })
  if (nextStep.signUpStep !== 'COMPLETE_AUTO_SIGN_IN') return { step: 'choose', factors: [] }
  return settle(await autoSignIn())
}

export interface Passkey {
  id: string
  name: string
  createdAt: Date | undefined
  /** platform: kept by this device or its account; cross-platform: a security key or phone. */
  attachment: string | undefined
}

export async function listPasskeys(): Promise<Passkey[]> {
  configureAmplify()
  const passkeys: Passkey[] = []
  let nextToken: string | undefined
  do {
    const page = await listWebAuthnCredentials({ nextToken })
    for (const c of page.credentials) {
      if (!c.credentialId) continue
      passkeys.push({
        id: c.credentialId,
        name: c.friendlyCredentialName ?? '',
        createdAt: c.createdAt,
        attachment: c.authenticatorAttachment,
      })
    }
    nextToken = page.nextToken
  } while (nextToken)
  return passkeys
}

export async function addPasskey(): Promise<void> {
  configureAmplify()
  await associateWebAuthnCredential()
}

export async function removePasskey(id: string): Promise<void> {
  configureAmplify()
  await deleteWebAuthnCredential({ credentialId: id })
}
