import { useCallback, useState, type InputHTMLAttributes } from 'react'
import {
  signUpAttributes,
  STANDARD_SIGN_UP_ATTRIBUTES,
  type SignUpAttribute,
  type StandardSignUpAttribute,
} from '@/config/sign-up-attributes'
import { useMessages } from '@/lib/i18n'
import { TextField } from '../components/text-field'
import type { AuthProblem } from '../lib/classify-auth-error'
import { signUpAttributeMessages } from './sign-up-attribute-messages'
import type { AttributeValues } from './sign-up-attribute-values'

type Messages = (typeof signUpAttributeMessages)['en']
type InputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'spellCheck'
>

/** How each attribute is typed: the keyboard, and the browser's autofill token. */
const INPUTS: Partial<Record<StandardSignUpAttribute, InputProps>> = {
  name: { autoComplete: 'name' },
  given_name: { autoComplete: 'given-name' },
  family_name: { autoComplete: 'family-name' },
  middle_name: { autoComplete: 'additional-name' },
  nickname: { autoComplete: 'nickname' },
  phone_number: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
  birthdate: { type: 'date', autoComplete: 'bday' },
  gender: { autoComplete: 'sex' },
  address: { autoComplete: 'street-address' },
  locale: { autoComplete: 'language', spellCheck: false },
  zoneinfo: { spellCheck: false },
  website: { type: 'url', autoComplete: 'url', spellCheck: false },
  profile: { type: 'url', spellCheck: false },
  picture: { type: 'url', spellCheck: false },
}

const isStandard = (attribute: SignUpAttribute): attribute is StandardSignUpAttribute =>
  (STANDARD_SIGN_UP_ATTRIBUTES as readonly string[]).includes(attribute)

/** A custom attribute has no name but its own: `custom:team` is labelled "team". */
const label = (t: Messages, attribute: SignUpAttribute) =>
  isStandard(attribute) ? t.labels[attribute] : attribute.slice('custom:'.length)

function errorText(t: Messages, attribute: SignUpAttribute, problem: AuthProblem | undefined) {
  if (!problem || !('field' in problem) || problem.field !== attribute) return undefined
  if (problem.kind === 'attribute-invalid') {
    if (attribute === 'phone_number') return t.phoneInvalid
    if (attribute === 'birthdate') return t.birthdateInvalid
  }
  if (problem.kind !== 'attribute-missing') return undefined
  return isStandard(attribute) ? t.missing[attribute] : t.customMissing(label(t, attribute))
}

/** The build's sign-up attributes and what the user has typed in them. */
export function useAttributeValues() {
  const [values, setValues] = useState<AttributeValues>({})
  // Functional: on a prerendered page, several fields can report early typing in one commit.
  const setValue = useCallback(
    (attribute: SignUpAttribute, value: string) =>
      setValues((previous) => ({ ...previous, [attribute]: value })),
    [],
  )
  return { attributes: signUpAttributes(), values, setValue }
}

/**
 * A field for each attribute VITE_SIGN_UP_ATTRIBUTES names, in its order, with
 * its own label, input and errors; the sign-up screens put them after the email.
 */
export function AttributeFields({
  attributes,
  values,
  setValue,
  problem,
}: ReturnType<typeof useAttributeValues> & { problem: AuthProblem | undefined }) {
  const t = useMessages(signUpAttributeMessages)
  const hints: Partial<Record<SignUpAttribute, string>> = t.hints
  return attributes.map((attribute) => (
    <TextField
      key={attribute}
      name={attribute}
      label={label(t, attribute)}
      value={values[attribute] ?? ''}
      onChange={(value) => setValue(attribute, value)}
      problem={problem}
      error={errorText(t, attribute, problem)}
      hint={hints[attribute]}
      {...(isStandard(attribute) ? INPUTS[attribute] : {})}
    />
  ))
}
