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

  // The template's parameters stand in for the build's settings: the header is the app's policy for them.
  const served = (env: Record<string, string>) =>
    contentSecurityPolicy({ VITE_USER_POOL_ID: '${CognitoRegion}_pool', ...env })

  it("serves the same Content-Security-Policy the browser tests run the app under, with the pool domain's token endpoint allowed only when the stack is given one", () => {
    expect(served({ VITE_OAUTH_DOMAIN: 'auth.example.com' })).toContain(
      ' https://auth.example.com;',
    )
    // A domain with a path (the emulator's) is allowed by its host, where every path lives;
    // a path alone is the app's own host, which 'self' allows over https too.
    expect(served({ VITE_OAUTH_DOMAIN: 'localhost:4173/local-aws' })).toContain(
      ' https://localhost:4173;',
    )
    expect(served({ VITE_OAUTH_DOMAIN: '/local-aws' })).toBe(served({}))
    expect(template).toMatch(/OAuthDomain:\s+Type: String[^]+?Default: ''/)
    expect(template).toContain("HasOAuthDomain: !Not [!Equals [!Ref OAuthDomain, '']]")
    expect(template).toContain(
      [
        'ContentSecurityPolicy: !If',
        '- HasOAuthDomain',
        `- !Sub "${served({ VITE_OAUTH_DOMAIN: '${OAuthDomain}' })}"`,
        `- !Sub "${served({})}"`,
      ].join('\n              '),
    )
  })

  it('forwards the API stage path to API Gateway, uncached, on the app origin', () => {
    expect(template).toMatch(/PathPattern: !Sub '\/\$\{ApiStage\}\/\*'\s+TargetOriginId: api/)
    expect(template).toContain('4135ea2d-6df8-44a3-9df3-4b5a84be39ad # Managed-CachingDisabled')
  })
})
