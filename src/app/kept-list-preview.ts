/**
 * The kept list (persisted-list.ts), drawn by the projects document's early
 * module (src/start-list-request.ts) as soon as it arrives: a returning user
 * sees their list, marked with its time, while React, the router and TanStack
 * Query are still downloading, instead of a blank page until they have run.
 *
 * It is a picture of the page React draws first, not the page: the same
 * markup, words and order (kept-list-preview.test.tsx holds it to what React
 * renders), but `inert`, so nothing in it can be focused, pressed or typed
 * into, and hidden from assistive technology, which meets the page once it
 * works. It stands beside #root and goes in the same task as React's first
 * drawing lands there, before the browser paints that frame: the two are never
 * on screen, or in the DOM, together.
 *
 * Drawn only when React's first drawing will be that same page, so that
 * nothing moves when it takes over: a signed-in user with a fresh token, online,
 * no writes waiting, a kept list of this build from within the day. Otherwise
 * the page is blank until React draws it, as before.
 */
import { env } from '@/config/env'
import { paths } from '@/config/paths'
import { rootLayoutMessages } from '@/app/layout/root-layout-messages'
import { languageSwitcherMessages } from '@/components/language-switcher-messages'
import { accountMenuMessages } from '@/features/auth/components/account-menu-messages'
import {
  detectLanguage,
  languageName,
  languages,
  messagesIn,
  readStored,
  type Language,
} from '@/lib/languages'
import { readStoredSession } from '@/lib/stored-session'
import { hasQueuedWrites, readKeptList } from '@/features/projects/api/read-kept-list'
import { API_LIST_LIMIT, isCapped } from '@/features/projects/api/list-limit'
import type { Project, ProjectList } from '@/features/projects/api/parse-projects'
import { createProjectFormMessages } from '@/features/projects/components/create-project-form-messages'
import { projectBrowserMessages } from '@/features/projects/components/project-browser-messages'
import { projectRowMessages } from '@/features/projects/components/project-row-messages'
import { projectsPageMessages } from '@/features/projects/components/projects-page-messages'
import { formatKeptTime } from '@/features/projects/utils/kept-time'
import { orderProjects } from '@/features/projects/utils/order-projects'
import { shortName } from '@/features/projects/utils/short-name'

const PREVIEW_ID = 'kept-list-preview'

/** Draws the preview when the page React will draw first is the kept list; returns whether it did. */
export function previewKeptList(): boolean {
  const preview = drawPreview()
  if (!preview) return false
  const place = () => {
    const root = document.getElementById('root')
    if (!root) return false
    // A page React already started drawing (browsers don't promise the order of the two modules).
    if (root.firstChild) return true
    root.before(preview)
    removeWhenReactDraws(root, preview)
    return true
  }
  // An async module may run before the parser has reached #root.
  if (!place()) {
    const parsing = new MutationObserver(() => {
      if (place()) parsing.disconnect()
    })
    parsing.observe(document.documentElement, { childList: true, subtree: true })
  }
  return true
}

function removeWhenReactDraws(root: HTMLElement, preview: HTMLElement) {
  const observer = new MutationObserver(() => {
    if (!root.firstChild) return
    observer.disconnect()
    preview.remove()
  })
  observer.observe(root, { childList: true })
}

function drawPreview(): HTMLElement | undefined {
  // The emulator's banner comes in a chunk of its own above the page, and
  // would push the preview down when it lands.
  if (env().localMode || location.pathname !== paths.projects || !navigator.onLine) return
  if (document.getElementById(PREVIEW_ID)) return
  const session = readStoredSession()
  if (!session?.freshIdToken || !session.email) return
  const owner = session.email
  if (hasQueuedWrites(owner)) return
  const kept = readKeptList(owner)
  // More than an answer holds comes from an API that pages, whose list React virtualises.
  if (!kept || kept.list.items.length > API_LIST_LIMIT) return
  const language = detectLanguage(readStored())
  document.documentElement.lang = language
  const preview = h(
    'div',
    { id: PREVIEW_ID, inert: '', 'aria-hidden': 'true' },
    ...shell(language, session.email, page(language, kept.list.items, kept.list, kept.answeredAt)),
  )
  return preview
}

type Child = Node | string | false | undefined
type Attributes = Record<string, string | undefined>

/** An element with text children: text is never parsed as HTML. */
function h(tag: string, attributes: Attributes, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value)
  }
  element.append(...children.filter((child): child is Node | string => Boolean(child)))
  return element
}

/** root-layout.tsx, language-switcher.tsx and account-menu.tsx, for a signed-in user. */
function shell(language: Language, email: string, content: HTMLElement) {
  const t = messagesIn(rootLayoutMessages, language)
  const switcher = messagesIn(languageSwitcherMessages, language)
  const account = messagesIn(accountMenuMessages, language)
  const select = h(
    'select',
    {},
    ...languages.map((code) => h('option', { value: code, lang: code }, languageName(code))),
  ) as HTMLSelectElement
  select.value = language
  // The links as React Router's <Link> renders them, with its route-discovery mark.
  return [
    h('a', { class: 'skip-link', href: '#main' }, t.skipToContent),
    h(
      'header',
      { class: 'app-header' },
      h('a', { class: 'app-name', href: paths.home, 'data-discover': 'true' }, t.appName),
      h(
        'div',
        { class: 'app-header-tools' },
        h(
          'label',
          { class: 'language-switcher' },
          h('span', { class: 'visually-hidden' }, switcher.label),
          select,
        ),
        h(
          'nav',
          { class: 'account-menu', 'aria-label': account.menu },
          h(
            'a',
            { class: 'header-link', href: paths.account, 'data-discover': 'true' },
            h('span', { class: 'visually-hidden' }, `${account.account}: `),
            email,
          ),
          h('button', { type: 'button', class: 'button-secondary' }, account.signOut),
        ),
      ),
    ),
    h('div', { 'aria-live': 'polite', class: 'new-release' }),
    h(
      'main',
      { class: 'app-main', tabindex: '-1' },
      h('p', { class: 'route-loading', 'aria-live': 'polite' }),
      content,
    ),
  ]
}

/** projects-page.tsx, create-project-form.tsx, project-browser.tsx and project-row.tsx, with the kept list. */
function page(
  language: Language,
  items: Project[],
  list: ProjectList,
  answeredAt: number,
): HTMLElement {
  const t = messagesIn(projectsPageMessages, language)
  const form = messagesIn(createProjectFormMessages, language)
  const browser = messagesIn(projectBrowserMessages, language)
  const row = messagesIn(projectRowMessages, language)
  const capped = isCapped(list)
  const ordered = orderProjects(items, language)
  const count = new Intl.NumberFormat(language).format(ordered.length)
  const id = (name: string) => `${PREVIEW_ID}-${name}`
  return h(
    'section',
    { class: 'page projects-page', 'aria-labelledby': id('title') },
    h('h1', { id: id('title') }, t.title),
    h('p', { class: 'intro' }, t.intro),
    h(
      'div',
      { class: 'status-area' },
      h('div', { role: 'status', class: 'visually-hidden' }),
      h('div', { role: 'alert', class: 'visually-hidden' }),
    ),
    h('p', { role: 'status', class: 'notice' }, t.asOf(formatKeptTime(answeredAt, language))),
    h(
      'form',
      { class: 'create-form', 'aria-labelledby': id('form-title'), novalidate: '' },
      h('h2', { id: id('form-title') }, form.title),
      h(
        'div',
        { class: 'field' },
        h('label', { for: id('name') }, form.name),
        h('input', { id: id('name'), dir: 'auto', autocomplete: 'off', value: '' }),
      ),
      h(
        'div',
        { class: 'field field-inline' },
        h('input', { id: id('default'), type: 'checkbox' }),
        h('label', { for: id('default') }, form.isDefault),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: id('id') }, form.id),
        h('input', {
          id: id('id'),
          inputmode: 'numeric',
          autocomplete: 'off',
          value: '',
          class: 'id-input',
          'aria-describedby': id('id-hint'),
        }),
        h('p', { id: id('id-hint'), class: 'field-hint' }, form.idHint),
      ),
      h('button', { type: 'submit', class: 'primary' }, form.create),
    ),
    list.unreadable > 0 &&
      h('p', { class: 'notice notice-warning' }, t.unreadable(list.unreadable)),
    capped && h('p', { class: 'notice notice-warning' }, t.capped),
    ordered.length === 0
      ? h('p', { class: 'empty' }, t.empty)
      : h(
          'section',
          { class: 'project-browser', 'aria-labelledby': id('count') },
          h(
            'div',
            { class: 'browser-tools' },
            h(
              'div',
              { class: 'field' },
              h('label', { for: id('filter') }, browser.filter),
              h('input', {
                id: id('filter'),
                type: 'search',
                dir: 'auto',
                autocomplete: 'off',
                value: '',
                placeholder: browser.filterHint,
                'aria-describedby': capped ? id('capped') : undefined,
              }),
              capped && h('p', { id: id('capped'), class: 'field-hint' }, browser.filterCapped),
            ),
            h(
              'p',
              { id: id('count'), class: 'project-count', 'aria-live': 'polite' },
              browser.count(count, count, false),
            ),
          ),
          h(
            'div',
            { class: 'project-scroller' },
            h(
              'ul',
              { class: 'project-list', 'aria-label': browser.list },
              ...ordered.map((project, index) => {
                const label = shortName(project.name) || row.unnamed
                return h(
                  'li',
                  {
                    'data-index': String(index),
                    class: 'project-row',
                    'aria-setsize': String(ordered.length),
                    'aria-posinset': String(index + 1),
                  },
                  h(
                    'div',
                    { class: 'project-view' },
                    h(
                      'div',
                      { class: 'project-main' },
                      h(
                        'span',
                        { class: 'project-name', dir: 'auto' },
                        project.name || row.unnamed,
                      ),
                      project.isDefault && h('span', { class: 'project-default' }, row.isDefault),
                      h('span', { class: 'project-id' }, `${row.id} ${project.id}`),
                    ),
                    h(
                      'div',
                      { class: 'row-actions' },
                      h(
                        'button',
                        { type: 'button', 'aria-label': row.rename(label) },
                        row.renameShort,
                      ),
                      h(
                        'button',
                        { type: 'button', 'aria-label': row.remove(label) },
                        row.deleteShort,
                      ),
                    ),
                  ),
                )
              }),
            ),
          ),
        ),
  )
}
