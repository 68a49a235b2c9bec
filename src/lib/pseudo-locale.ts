/**
 * A pseudo-locale for testing, derived from the English messages: every letter
 * accented, every string wrapped in ⟦ ⟧ and about 30% longer. A string the
 * screen shows without the markers was never translated; a layout that breaks
 * under the longer text would break in a longer language too. It exists only in
 * development and emulator builds (see `languages` in i18n.tsx).
 */
export const PSEUDO_LANGUAGE = 'en-XA'
export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

// Plain constants only at the top level, so a production build can drop the module whole.
const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ACCENTED = 'áƀçḋéƒĝĥîĵķļɱñôþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'

const accent = (text: string) =>
  text.replace(/[a-zA-Z]/g, (char) => ACCENTED[PLAIN.indexOf(char)] ?? char)

/** Words appended to make a string longer, so it still wraps like prose. */
const PADDING = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

function wrap(accented: string, length: number): string {
  const words: string[] = []
  let extra = 0
  while (extra < Math.ceil(length * 0.3)) {
    const word = accent(PADDING[words.length % PADDING.length] ?? '')
    words.push(word)
    extra += word.length + 1
  }
  return `${PSEUDO_OPEN}${accented} ${words.join(' ')}${PSEUDO_CLOSE}`
}

/** One message string in the pseudo-locale. */
export function pseudoText(text: string): string {
  return wrap(accent(text), text.length)
}

/**
 * A message built from arguments: what the arguments bring in (a user's email,
 * a project's name, another message) is kept as it is; only the message's own
 * words are transformed.
 */
function pseudoFormatted(text: string, args: readonly unknown[]): string {
  const kept = args
    .filter((arg): arg is string | number => typeof arg === 'string' || typeof arg === 'number')
    .map(String)
    .filter((arg) => arg.length > 0)
    .sort((a, b) => b.length - a.length)
  let out = ''
  let rest = text
  while (rest.length > 0) {
    const hits = kept
      .map((arg) => ({ arg, at: rest.indexOf(arg) }))
      .filter((hit) => hit.at >= 0)
      .sort((a, b) => a.at - b.at)
    const hit = hits[0]
    if (!hit) {
      out += accent(rest)
      break
    }
    out += accent(rest.slice(0, hit.at)) + hit.arg
    rest = rest.slice(hit.at + hit.arg.length)
  }
  return wrap(out, text.length)
}

const cache = new WeakMap<object, unknown>()

/** A whole dictionary (strings, nested groups, message functions) in the pseudo-locale. */
export function pseudoLocalize<T>(messages: T): T {
  if (typeof messages === 'string') return pseudoText(messages) as T
  if (typeof messages === 'function') {
    const format = messages as (...args: unknown[]) => unknown
    return ((...args: unknown[]) => {
      const text = format(...args)
      return typeof text === 'string' ? pseudoFormatted(text, args) : text
    }) as T
  }
  if (typeof messages !== 'object' || messages === null) return messages
  const known = cache.get(messages)
  if (known) return known as T
  const out = Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, pseudoLocalize(value)]),
  ) as T
  cache.set(messages, out)
  return out
}
