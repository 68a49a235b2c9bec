// @vitest-environment node
import type { ResourcesConfig } from '@aws-amplify/core'
import { parseAmplifyConfig as amplifys } from '@aws-amplify/core/internals/utils'
import { describe, expect, it } from 'vitest'
import { parseAmplifyConfig as builds } from '../../build/parse-amplify-config.mjs'

describe("the build's stand-in for Amplify's config parser", () => {
  it('returns the config the app passes exactly as Amplify does', () => {
    const config: ResourcesConfig = {
      Auth: {
        Cognito: {
          userPoolId: 'us-east-2_AbC123xyz',
          userPoolClientId: 'client',
          userPoolEndpoint: '/local-aws',
          loginWith: { email: true },
          signUpVerificationMethod: 'code',
        },
      },
    }
    expect(builds(config)).toBe(config)
    expect(amplifys(config)).toBe(config)
  })

  it('refuses the file formats that Amplify would convert, rather than misreading them', () => {
    const awsExports = {
      aws_project_region: 'us-east-2',
      aws_cognito_region: 'us-east-2',
      aws_user_pools_id: 'us-east-2_AbC123xyz',
      aws_user_pools_web_client_id: 'client',
    }
    const outputs = {
      version: '1.3',
      auth: {
        aws_region: 'us-east-2',
        user_pool_id: 'us-east-2_AbC123xyz',
        user_pool_client_id: 'client',
      },
    }
    for (const file of [awsExports, outputs]) {
      expect(amplifys(file).Auth?.Cognito.userPoolId).toBe('us-east-2_AbC123xyz')
      expect(() => builds(file)).toThrow(/ResourcesConfig only/)
    }
  })
})
