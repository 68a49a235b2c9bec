/**
 * Intl loads the locale data behind it (ICU's) on first use, once per page, and
 * for every language at once: on a phone (4× CPU slowdown) the first collator,
 * number format and date format take 150–280 ms of main thread between them.
 * The projects page's first render needs all three (order-projects.ts,
 * project-browser.tsx, projects-page.tsx). Made while the page still waits for
 * its code (src/start-list-request.ts), that render finds them ready.
 */
export function warmUpIntl(): void {
  new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare('a', 'b')
  new Intl.NumberFormat().format(1)
  new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(0)
}
