// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../vite.config'

const template = readFileSync('infra/hosting.yaml', 'utf8')
const hasCfnLint = spawnSync('cfn-lint', ['--version']).status === 0

// The default reporter only counts skipped tests: say which check didn't run, and why.
if (!hasCfnLint) {
  process.stderr.write(
    '\n[infra] cfn-lint check NOT RUN: cfn-lint not installed (pip install cfn-lint)\n',
  )
}

describe('the hosting template (infra/hosting.yaml)', () => {
  it.skipIf(!hasCfnLint)(
    `passes cfn-lint${hasCfnLint ? '' : ' (skipped: cfn-lint is not installed; pip install cfn-lint)'}`,
    () => {
      // Throws, with cfn-lint's findings in the message, when the template has any.
      execFileSync('cfn-lint', ['infra/hosting.yaml'], { encoding: 'utf8' })
    },
  )

  it('serves the same Content-Security-Policy the browser tests run the app under', () => {
    const served = contentSecurityPolicy({ VITE_USER_POOL_ID: 'REGION_pool' }).replace(
      'cognito-idp.REGION.',
      'cognito-idp.${CognitoRegion}.',
    )
    expect(template).toContain(`ContentSecurityPolicy: !Sub "${served}"`)
  })

  it('forwards the API stage path to API Gateway, uncached, on the app origin', () => {
    expect(template).toMatch(/PathPattern: !Sub '\/\$\{ApiStage\}\/\*'\s+TargetOriginId: api/)
    expect(template).toContain('4135ea2d-6df8-44a3-9df3-4b5a84be39ad # Managed-CachingDisabled')
  })
})
