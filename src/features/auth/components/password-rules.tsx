import { useMessages } from '@/lib/i18n'
import { meetsRule, passwordRules } from '../lib/password-rules'
import { formMessages } from '../messages/form-messages'

/**
 * The pool's password rules, each marked met or not as the user types.
 * Phrasing content (a field description is a <p>), so the list is an ARIA one.
 */
export function PasswordRules({ password }: { password: string }) {
  const t = useMessages(formMessages)
  return (
    <>
      <span className="rules-title">{t.rulesTitle}</span>
      <span role="list" className="password-rules">
        {passwordRules.map((rule) => {
          const met = meetsRule(password, rule)
          return (
            <span role="listitem" key={rule} className={met ? 'rule-met' : 'rule-unmet'}>
              <span aria-hidden="true" className="rule-mark">
                {met ? '✓' : '•'}
              </span>{' '}
              {t.rules[rule]}
              <span className="visually-hidden"> ({met ? t.ruleMet : t.ruleUnmet})</span>
            </span>
          )
        })}
      </span>
    </>
  )
}
