/** Names can be 10,000 characters long: quote a short form in messages and labels. */
export function shortName(name: string, max = 60): string {
  const chars = Array.from(name)
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : name
}
