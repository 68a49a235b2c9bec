/**
 * The build's prerendering (build/route-documents.ts): a public page's HTML, as
 * the app first draws it for a visitor nobody has signed in on, in one
 * language, so that the page shows before its code has arrived. The browser's
 * app then hydrates it (main.tsx). Never part of the app's bundle.
 */
import { StrictMode } from 'react'
import { prerender } from 'react-dom/static'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom'
import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import type { Language } from '@/lib/i18n'

export async function prerenderPage(path: string, language: Language): Promise<string> {
  // The public pages show nobody's data: none asks for a QueryClient.
  const handler = createStaticHandler(
    createRoutes(() => Promise.reject(new Error(`prerender: ${path} asked for a QueryClient`))),
  )
  const context = await handler.query(new Request(new URL(path, 'http://prerender')))
  if (context instanceof Response) throw new Error(`prerender: ${path} answered ${context.status}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  // The same tree as main.tsx's, so that hydration finds what it renders.
  const { prelude } = await prerender(
    <StrictMode>
      <AppProvider language={language}>
        {/* No hydration data script: the strict CSP allows no inline script, and these pages load no data. */}
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    </StrictMode>,
  )
  return new Response(prelude).text()
}
