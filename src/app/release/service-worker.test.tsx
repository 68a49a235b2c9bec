import { QueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RegisterSWOptions } from 'vite-plugin-pwa/types'

/**
 * What the page does when a new release's worker is waiting: vite-plugin-pwa's
 * registration (`virtual:pwa-register`, a build-time module) stands in here
 * with the calls Workbox makes to it.
 */
const pwa = vi.hoisted(() => ({
  options: undefined as RegisterSWOptions | undefined,
  update: vi.fn(async () => undefined),
}))
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: RegisterSWOptions) => {
    pwa.options = options
    return pwa.update
  },
}))

const reload = vi.fn()

async function start() {
  vi.resetModules()
  const { startServiceWorker } = await import('./service-worker')
  const { NewReleaseNotice } = await import('./new-release-notice')
  const { LanguageProvider } = await import('@/lib/i18n')
  const { provideQueryClient, sharedQueryClient } = await import('@/lib/shared-query-client')
  const queryClient = new QueryClient()
  provideQueryClient(async () => queryClient)
  await sharedQueryClient()
  startServiceWorker()
  render(
    <LanguageProvider initial="en">
      <NewReleaseNotice />
      <label>
        New name
        <input />
      </label>
    </LanguageProvider>,
  )
  return { queryClient, options: pwa.options! }
}

function setVisibility(state: 'visible' | 'hidden') {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state)
  document.dispatchEvent(new Event('visibilitychange'))
}

/** The page's listeners each start adds, removed after each test as a page's go with it. */
const added: [EventTarget, string, EventListenerOrEventListenerObject][] = []
function recordListeners(target: Document | Window) {
  const add = target.addEventListener.bind(target)
  vi.spyOn(target, 'addEventListener').mockImplementation(
    (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
      added.push([target, type, listener])
      add(type, listener, options as AddEventListenerOptions)
    },
  )
}

describe('a new release', () => {
  beforeEach(() => {
    vi.stubGlobal('location', { ...window.location, reload })
    recordListeners(document)
    recordListeners(window)
  })
  afterEach(() => {
    for (const [target, type, listener] of added.splice(0))
      target.removeEventListener(type, listener)
    vi.unstubAllGlobals()
    reload.mockReset()
    pwa.update.mockClear()
  })

  it('is offered, and switched to only when the user asks: what is typed stays until then', async () => {
    const { options } = await start()
    await userEvent.type(screen.getByRole('textbox', { name: 'New name' }), 'Half typed')
    act(() => options.onNeedRefresh!())

    expect(screen.getByText('A new version of this app is ready.')).toBeInTheDocument()
    expect(pwa.update).not.toHaveBeenCalled()
    expect(reload).not.toHaveBeenCalled()
    expect(screen.getByRole('textbox', { name: 'New name' })).toHaveValue('Half typed')

    await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }))
    expect(pwa.update).toHaveBeenCalledTimes(1)
    // The new worker has taken over: this page asked, so it reloads.
    options.onNeedReload!()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('taken by another tab: this page reloads only if nothing is being edited in it', async () => {
    const editing = await start()
    await userEvent.type(screen.getByRole('textbox', { name: 'New name' }), 'Half typed')
    act(() => editing.options.onNeedReload!())
    expect(reload).not.toHaveBeenCalled()
    // It says so instead, and its button now reloads.
    await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }))
    expect(reload).toHaveBeenCalledTimes(1)
    expect(pwa.update).not.toHaveBeenCalled()

    document.body.innerHTML = ''
    reload.mockReset()
    const idle = await start()
    idle.options.onNeedReload!()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('is switched to while the page is hidden, unless something is typed or a write is unanswered', async () => {
    const { queryClient, options } = await start()
    act(() => options.onNeedRefresh!())
    let answer = () => {}
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const write = queryClient.getMutationCache().build(queryClient, { mutationFn: () => answered })
    const sent = write.execute(undefined)
    setVisibility('hidden')
    expect(pwa.update).not.toHaveBeenCalled()

    setVisibility('visible')
    answer()
    await sent
    await userEvent.type(screen.getByRole('textbox', { name: 'New name' }), 'x')
    setVisibility('hidden')
    expect(pwa.update).not.toHaveBeenCalled()

    setVisibility('visible')
    await userEvent.clear(screen.getByRole('textbox', { name: 'New name' }))
    setVisibility('hidden')
    expect(pwa.update).toHaveBeenCalledTimes(1)
  })

  it('is looked for when the page comes back into view or online, not while offline', async () => {
    const { options } = await start()
    const registration = { update: vi.fn(async () => undefined) }
    options.onRegisteredSW!('/sw.js', registration as unknown as ServiceWorkerRegistration)
    window.dispatchEvent(new Event('online'))
    setVisibility('visible')
    expect(registration.update).toHaveBeenCalledTimes(2)

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    setVisibility('visible')
    expect(registration.update).toHaveBeenCalledTimes(2)
  })
})
