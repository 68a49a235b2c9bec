import { queryOptions, useQuery } from '@tanstack/react-query'
import { env } from '@/config/env'
import { useMessages } from '@/lib/i18n'
import { localModeMessages } from './local-mode-messages'

interface InboxEntry {
  to: string
  kind: string
  code: string
}

/** Reads the emulator's inbox defensively: only entries with a string address and code. */
function parseInbox(body: unknown): InboxEntry[] {
  const list = Array.isArray(body) ? body : []
  return list.flatMap((item) => {
    const entry = item as Record<string, unknown>
    return typeof entry.to === 'string' && typeof entry.code === 'string'
      ? [{ to: entry.to, code: entry.code, kind: typeof entry.kind === 'string' ? entry.kind : '' }]
      : []
  })
}

const localInboxKeys = { all: ['local-inbox'] as const }

const inboxQuery = queryOptions({
  queryKey: localInboxKeys.all,
  queryFn: async () => {
    const url = env().localInboxUrl
    if (!url) return []
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(`inbox answered ${response.status}`)
    return parseInbox(await response.json()).reverse()
  },
  refetchInterval: 3000,
  staleTime: 0,
  retry: false,
})

/** The codes the emulator "e-mailed", newest first, refreshed every few seconds while open. */
export function LocalInboxPanel() {
  const t = useMessages(localModeMessages)
  const { data: entries, isError, refetch } = useQuery(inboxQuery)
  const kindName = (kind: string) =>
    kind in t.kinds ? t.kinds[kind as keyof typeof t.kinds] : kind
  return (
    <section className="local-inbox" aria-labelledby="local-inbox-title">
      <h2 id="local-inbox-title">{t.inboxTitle}</h2>
      {isError && <p role="alert">{t.unreadable}</p>}
      {entries && entries.length === 0 && <p>{t.empty}</p>}
      {entries && entries.length > 0 && (
        <dl className="local-inbox-list">
          {entries.slice(0, 10).map((entry, index) => (
            <div key={`${entry.to}-${entry.code}-${index}`}>
              <dt>{t.codeFor(entry.to, kindName(entry.kind))}</dt>
              <dd>
                <code translate="no">{entry.code}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" className="button-secondary" onClick={() => void refetch()}>
        {t.refresh}
      </button>
    </section>
  )
}
