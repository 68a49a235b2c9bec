import type { Page } from '@playwright/test'
import { PSEUDO_LANGUAGE } from '../../src/lib/pseudo-locale.ts'
import { expect } from './fixtures'

/**
 * The language sweep's checks. The pseudo-locale (en-XA, in emulator builds
 * only) wraps every string from a dictionary in ⟦ ⟧, so any letter outside the
 * markers on a pseudo-localised screen is a string that bypassed the
 * dictionaries, except user data: emails, project names, ids.
 */
export const PSEUDO = PSEUDO_LANGUAGE
export type SweepLanguage = 'en' | 'ja' | typeof PSEUDO

/** Opens every page of this test in `language`, as a remembered choice would. */
export async function startIn(page: Page, language: SweepLanguage) {
  await page.addInitScript((code) => localStorage.setItem('language', code), language)
}

/** Switches language from the header, as a user would, and waits until the page follows. */
export async function switchLanguage(page: Page, language: SweepLanguage) {
  await page.getByRole('banner').locator('select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

interface Finding {
  where: string
  text: string
}

/**
 * Every text a user or a screen reader meets (visible text nodes, also those
 * only screen readers get; title, aria-label, placeholder, alt; the document's
 * <title>) that isn't in `language`. `userData` is left out of every text, as
 * are project names shown on the page; text in an element whose `lang` names
 * another language (the switcher's language names), or marked `translate="no"`
 * (codes, temporary passwords, keys), is not checked.
 */
function untranslated(page: Page, language: SweepLanguage, userData: readonly string[]) {
  return page.evaluate(
    ({ language, userData, pseudo }) => {
      const names = [...document.querySelectorAll('.project-name')].map((el) => el.textContent)
      // Labels quote long names cut short (shortName): those forms too.
      const data = [...userData, ...names]
        .filter((text): text is string => Boolean(text))
        .flatMap((text) => [text, `${Array.from(text).slice(0, 60).join('')}…`])
        .sort((a, b) => b.length - a.length)
      const withoutData = (text: string) =>
        data.reduce((rest, item) => rest.split(item).join(' '), text)
      const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/
      const isWrong = (raw: string): boolean => {
        let text = withoutData(raw)
        if (language === pseudo) {
          for (let before = ''; before !== text;) {
            before = text
            text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ')
          }
          return /\p{L}/u.test(text)
        }
        if (/[⟦⟧]/.test(text)) return true
        if (language === 'en') return japanese.test(text)
        // Japanese: Latin words only inside Japanese text (a setting's name, "Cognito"), or "ID".
        const latin = text.replace(/\bID\b/g, '')
        return /[A-Za-z]{2,}/.test(latin) && !japanese.test(text)
      }
      const docLang = document.documentElement.lang
      const otherLanguage = (el: Element) => {
        if (el.closest('[translate=no]')) return true
        const declared = el.closest('[lang]')
        return (
          declared !== null &&
          declared !== document.documentElement &&
          declared.getAttribute('lang') !== docLang
        )
      }
      const describe = (el: Element) => {
        const id = el.id ? `#${el.id}` : ''
        const cls =
          typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''
        return `${el.tagName.toLowerCase()}${id}${cls}`
      }
      const findings: { where: string; text: string }[] = []
      if (isWrong(document.title)) findings.push({ where: '<title>', text: document.title })
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        const text = node.textContent ?? ''
        if (!parent || !text.trim() || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(parent.tagName)) continue
        if (!parent.checkVisibility() || otherLanguage(parent)) continue
        if (isWrong(text)) findings.push({ where: describe(parent), text })
      }
      for (const el of document.body.querySelectorAll(
        '[title], [aria-label], [placeholder], [alt]',
      )) {
        if (!el.checkVisibility() || otherLanguage(el)) continue
        for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
          const value = el.getAttribute(name)
          if (value && isWrong(value))
            findings.push({ where: `${describe(el)}[${name}]`, text: value })
        }
      }
      return findings
    },
    { language, userData: [...userData], pseudo: PSEUDO },
  ) as Promise<Finding[]>
}

/** Fails, listing them, on any text of the page not in `language`. */
export async function expectAllIn(
  page: Page,
  language: SweepLanguage,
  state: string,
  userData: readonly string[] = [],
) {
  await expect
    .poll(() => untranslated(page, language, userData), {
      message: `text not in ${language} on "${state}"`,
      timeout: 3_000,
    })
    .toEqual([])
}

/**
 * Layout that the ~30% longer pseudo-locale breaks: the page scrolling
 * sideways, a control sticking out of the viewport, a button or link whose
 * text doesn't fit in it. (Text cut short on purpose, with an ellipsis, is fine.)
 */
function brokenLayout(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const findings: string[] = []
    if (document.documentElement.scrollWidth > width + 1) {
      findings.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`,
      )
    }
    const selector =
      'button, a, label, summary, select, input, h1, h2, p, dt, dd, [role=alert], [role=status]'
    for (const el of document.body.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility() || el.closest('.visually-hidden')) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const name = `${el.tagName.toLowerCase()} "${(el.innerText || el.getAttribute('aria-label') || '').slice(0, 40)}"`
      if (box.left < -1 || box.right > width + 1) {
        findings.push(
          `${name} sticks out of the ${width}px viewport (${Math.round(box.left)}..${Math.round(box.right)})`,
        )
      }
      if (!/^(BUTTON|A|SUMMARY|LABEL)$/.test(el.tagName)) continue
      if (getComputedStyle(el).textOverflow === 'ellipsis') continue
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        findings.push(
          `${name} clips its text (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
        )
      }
    }
    return findings
  })
}

const WIDTHS = [1280, 390] as const

/** The layout holds at a desktop width and at a phone's (390 px). */
export async function expectLayoutHolds(page: Page, state: string) {
  const viewport = page.viewportSize()
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    expect(await brokenLayout(page), `layout at ${width}px on "${state}"`).toEqual([])
  }
  if (viewport) await page.setViewportSize(viewport)
}

/**
 * One state of one screen, swept: all of it in the pseudo-locale, its layout
 * intact with the longer text; then the language switched while the state is
 * on screen, to Japanese and to English, and every text follows; then back to
 * the pseudo-locale for what comes next.
 */
export async function sweep(page: Page, state: string, userData: readonly string[] = []) {
  await expectAllIn(page, PSEUDO, state, userData)
  await expectLayoutHolds(page, state)
  await switchLanguage(page, 'ja')
  await expectAllIn(page, 'ja', state, userData)
  await switchLanguage(page, 'en')
  await expectAllIn(page, 'en', state, userData)
  await switchLanguage(page, PSEUDO)
  await expectAllIn(page, PSEUDO, state, userData)
}
