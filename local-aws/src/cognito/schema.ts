/**
 * A pool's attribute schema, as Cognito checks it at SignUp and
 * AdminCreateUser: the standard attributes (some of them required) and the
 * custom ones it defines. Cognito fixes required attributes when a pool is
 * created, so the emulator takes them as a start-up setting, never by API.
 */
import type { PoolRecord } from './data.ts'
import { invalidParameter } from './errors.ts'

/** OpenID Connect's standard claims, as Cognito's schema lists them. */
export const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
] as const

export interface PoolSchema {
  /** Standard attributes a new user must be given. */
  requiredAttributes: string[]
  /** Custom attributes, without their `custom:` prefix; Cognito can't make them required. */
  customAttributes: string[]
}

/** Checks a schema setting; throws a message naming what is wrong. */
export function checkedSchema(schema: Partial<PoolSchema>): PoolSchema {
  const required = (schema.requiredAttributes ?? []).map((a) => a.trim()).filter(Boolean)
  const custom = (schema.customAttributes ?? [])
    .map((a) => a.trim().replace(/^custom:/, ''))
    .filter(Boolean)
  for (const name of required) {
    if (name.startsWith('custom:')) {
      throw new Error(
        `${name} can't be required: Cognito's custom attributes are optional (list it among the custom attributes)`,
      )
    }
    if (!(STANDARD_ATTRIBUTES as readonly string[]).includes(name)) {
      throw new Error(`${name} is not a standard attribute (${STANDARD_ATTRIBUTES.join(', ')})`)
    }
  }
  const badCustom = custom.find((name) => !/^[\w.-]{1,20}$/.test(name))
  if (badCustom !== undefined) {
    throw new Error(
      `custom:${badCustom} is not a custom attribute name (1–20 letters, digits, _ . -)`,
    )
  }
  return { requiredAttributes: required, customAttributes: custom }
}

/** "name, phone_number" → ['name', 'phone_number']: how the flag and the variables list them. */
export const attributeList = (setting: string | undefined) =>
  (setting ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)

const E164 = /^\+[1-9]\d{1,14}$/

/**
 * Cognito's check of the attributes a new user is given: every problem on its
 * own line ("name: The attribute is required"), then a malformed phone number.
 */
export function assertConformsToSchema(pool: PoolRecord, list: unknown) {
  const given = new Map<string, string>()
  if (Array.isArray(list)) {
    for (const item of list as unknown[]) {
      const { Name, Value } = (item ?? {}) as { Name?: unknown; Value?: unknown }
      if (typeof Name === 'string') given.set(Name, typeof Value === 'string' ? Value : '')
    }
  }
  const custom = pool.schema?.customAttributes ?? []
  const problems: string[] = []
  for (const name of given.keys()) {
    const known = name.startsWith('custom:')
      ? custom.includes(name.slice('custom:'.length))
      : name === 'sub' || (STANDARD_ATTRIBUTES as readonly string[]).includes(name)
    if (!known) problems.push(`${name}: Attribute does not exist in the schema.`)
  }
  for (const name of pool.schema?.requiredAttributes ?? []) {
    // The pool signs in by e-mail: the user name is the address when none is given.
    if (name === 'email') continue
    if (!given.get(name)) problems.push(`${name}: The attribute is required`)
  }
  if (problems.length > 0) {
    throw invalidParameter(
      `Attributes did not conform to the schema: ${problems.map((p) => `${p}\n`).join('')}`,
    )
  }
  const phone = given.get('phone_number')
  if (phone !== undefined && !E164.test(phone))
    throw invalidParameter('Invalid phone number format.')
}

/** DescribeUserPool's SchemaAttributes: the standard ones, then the custom ones. */
export function schemaAttributes(pool: PoolRecord) {
  const required = pool.schema?.requiredAttributes ?? []
  const standard = STANDARD_ATTRIBUTES.map((Name) => ({
    Name,
    AttributeDataType: Name.endsWith('_verified') ? 'Boolean' : 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: Name === 'email' || required.includes(Name),
  }))
  const custom = (pool.schema?.customAttributes ?? []).map((name) => ({
    Name: `custom:${name}`,
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
  }))
  return [
    {
      Name: 'sub',
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: false,
      Required: true,
    },
    ...standard,
    ...custom,
  ]
}
