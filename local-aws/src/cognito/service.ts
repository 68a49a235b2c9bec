/**
 * A local Amazon Cognito user pool, wire-compatible with Cognito's JSON
 * protocol (`X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`),
 * so aws-amplify, the AWS SDK and the AWS CLI talk to it unchanged. Web
 * standards only: it runs in Node, in msw in a browser, and in Vite.
 */
import type { Body, CognitoContext } from './context.ts'
import { CognitoError, errorResponse, jsonResponse } from './errors.ts'
import * as admin from './operations-admin.ts'
import * as auth from './operations-auth.ts'
import * as clients from './operations-clients.ts'
import * as devices from './operations-devices.ts'
import { adminLinkProviderForUser } from './federation.ts'
import * as providers from './operations-providers.ts'
import * as mfa from './operations-mfa.ts'
import * as session from './operations-session.ts'
import * as signup from './operations-signup.ts'
import * as webauthn from './operations-webauthn.ts'
import * as policy from './sign-in-policy.ts'

export type { CognitoData } from './data.ts'
export { createCognitoData, addUserPool } from './data.ts'
export type { CognitoContext, DeliveredCode } from './context.ts'
export { handleWellKnown } from './well-known.ts'
export { verifyApiToken } from './authorizer.ts'

type Operation = (body: Body, ctx: CognitoContext) => Promise<unknown>

const OPERATIONS: Record<string, Operation> = {
  SignUp: signup.signUp,
  ConfirmSignUp: signup.confirmSignUp,
  ResendConfirmationCode: signup.resendConfirmationCode,
  ForgotPassword: signup.forgotPassword,
  ConfirmForgotPassword: signup.confirmForgotPassword,
  InitiateAuth: auth.initiateAuth,
  RespondToAuthChallenge: auth.respondToAuthChallenge,
  GetTokensFromRefreshToken: auth.getTokensFromRefreshToken,
  AdminInitiateAuth: auth.adminInitiateAuth,
  AdminRespondToAuthChallenge: auth.adminRespondToAuthChallenge,
  GetUser: session.getUser,
  ChangePassword: session.changePassword,
  GlobalSignOut: session.globalSignOut,
  RevokeToken: session.revokeToken,
  DeleteUser: session.deleteUser,
  AdminCreateUser: admin.adminCreateUser,
  AdminConfirmSignUp: admin.adminConfirmSignUp,
  AdminSetUserPassword: admin.adminSetUserPassword,
  AdminResetUserPassword: admin.adminResetUserPassword,
  AdminGetUser: admin.adminGetUser,
  AdminDeleteUser: admin.adminDeleteUser,
  AdminUserGlobalSignOut: admin.adminUserGlobalSignOut,
  AdminDisableUser: admin.adminDisableUser,
  AdminEnableUser: admin.adminEnableUser,
  ListUsers: admin.listUsers,
  SetUserPoolMfaConfig: mfa.setUserPoolMfaConfig,
  GetUserPoolMfaConfig: mfa.getUserPoolMfaConfig,
  AssociateSoftwareToken: mfa.associateSoftwareToken,
  VerifySoftwareToken: mfa.verifySoftwareToken,
  SetUserMFAPreference: mfa.setUserMFAPreference,
  AdminSetUserMFAPreference: mfa.adminSetUserMFAPreference,
  CreateUserPoolClient: clients.createUserPoolClient,
  DescribeUserPoolClient: clients.describeUserPoolClient,
  UpdateUserPoolClient: clients.updateUserPoolClient,
  DeleteUserPoolClient: clients.deleteUserPoolClient,
  UpdateUserPool: policy.updateUserPool,
  DescribeUserPool: policy.describeUserPool,
  StartWebAuthnRegistration: webauthn.startWebAuthnRegistration,
  CompleteWebAuthnRegistration: webauthn.completeWebAuthnRegistration,
  ListWebAuthnCredentials: webauthn.listWebAuthnCredentials,
  DeleteWebAuthnCredential: webauthn.deleteWebAuthnCredential,
  ConfirmDevice: devices.confirmDevice,
  ListDevices: devices.listDevices,
  GetDevice: devices.getDevice,
  UpdateDeviceStatus: devices.updateDeviceStatus,
  ForgetDevice: devices.forgetDevice,
  AdminListDevices: devices.adminListDevices,
  AdminGetDevice: devices.adminGetDevice,
  AdminUpdateDeviceStatus: devices.adminUpdateDeviceStatus,
  AdminForgetDevice: devices.adminForgetDevice,
  CreateUserPoolDomain: providers.createUserPoolDomain,
  DescribeUserPoolDomain: providers.describeUserPoolDomain,
  DeleteUserPoolDomain: providers.deleteUserPoolDomain,
  CreateIdentityProvider: providers.createIdentityProvider,
  DescribeIdentityProvider: providers.describeIdentityProvider,
  ListIdentityProviders: providers.listIdentityProviders,
  UpdateIdentityProvider: providers.updateIdentityProvider,
  DeleteIdentityProvider: providers.deleteIdentityProvider,
  AdminLinkProviderForUser: adminLinkProviderForUser,
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'

/** Handles one Cognito API request (POST, JSON 1.1). Admin calls' SigV4 signatures are not checked. */
export async function handleCognito(request: Request, ctx: CognitoContext): Promise<Response> {
  const target = request.headers.get('x-amz-target') ?? ''
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target
  try {
    if (request.method !== 'POST') {
      throw new CognitoError(
        'UnknownOperationException',
        'The local Cognito emulator only answers POST requests',
      )
    }
    const run = OPERATIONS[operation]
    if (!run) {
      throw new CognitoError(
        'UnknownOperationException',
        `${operation || 'This operation'} is not supported by the local Cognito emulator`,
      )
    }
    let body: unknown
    try {
      body = JSON.parse((await request.text()) || '{}')
    } catch {
      throw new CognitoError('SerializationException', 'Request body is not valid JSON')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new CognitoError('SerializationException', 'Request body must be a JSON object')
    }
    return jsonResponse(await run(body as Body, ctx))
  } catch (error) {
    if (error instanceof CognitoError) {
      ctx.log(`cognito ${operation || '(no target)'} → ${error.type}: ${error.message}`)
      return errorResponse(error)
    }
    // Only the error's name: a message could quote request data.
    ctx.log(
      `cognito ${operation} → internal error (${error instanceof Error ? error.name : 'unknown'})`,
    )
    return errorResponse(
      new CognitoError(
        'InternalErrorException',
        'Internal error in the local Cognito emulator',
        500,
      ),
    )
  }
}
