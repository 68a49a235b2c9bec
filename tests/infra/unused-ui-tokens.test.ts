// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { dropUnusedComponentTokens } from '../../build/unused-ui-tokens'

describe('dropping the ui-react component tokens a stylesheet never uses', () => {
  const css =
    ':root,[data-amplify-theme]{--amplify-colors-red-10:hsl(0,75%,95%);' +
    '--amplify-components-button-color:var(--amplify-components-button-base-color);' +
    '--amplify-components-button-base-color:var(--amplify-colors-red-10);' +
    '--amplify-components-tabs-color:red;--amplify-components-rating-size:var(--amplify-space-large);' +
    '--amplify-components-alert-gap:1rem}' +
    '.amplify-button{color:var(--amplify-components-button-color);--amplify-internal-x:var(--amplify-components-alert-gap)}'

  it("drops a component's tokens when nothing refers to them, and nothing else", () => {
    const out = dropUnusedComponentTokens(css)
    expect(out).not.toContain('--amplify-components-tabs-color')
    expect(out).not.toContain('--amplify-components-rating-size')
    // Used by a rule, directly or through another token, or by a kept custom property.
    expect(out).toContain(
      '--amplify-components-button-color:var(--amplify-components-button-base-color);',
    )
    expect(out).toContain('--amplify-components-button-base-color:var(--amplify-colors-red-10);')
    expect(out).toContain('--amplify-components-alert-gap:1rem}')
    // Global tokens stay, used or not.
    expect(out).toContain('--amplify-colors-red-10:hsl(0,75%,95%);')
    expect(out).toContain('.amplify-button{color:var(--amplify-components-button-color);')
  })

  it('keeps the rule structure intact when the last declaration of a block goes', () => {
    const out = dropUnusedComponentTokens(
      ':root{--amplify-colors-a:1px;--amplify-components-tabs-b:2px}.x{top:0}',
    )
    expect(out).toBe(':root{--amplify-colors-a:1px;}.x{top:0}')
  })
})
