/** The kept list's time in the user's language and format: the date too when it isn't today's. */
export function formatKeptTime(time: number, language: string): string {
  const today = new Date().toDateString() === new Date(time).toDateString()
  return new Intl.DateTimeFormat(
    language,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(time)
}
