/**
 * A second, tiny entry, loaded only by the projects document (build/route-documents.ts):
 * it starts the list's GET as soon as it arrives (see src/lib/early-list-request.ts),
 * then, for a signed-in user, whose first screen is the list, draws the list
 * kept from the last visit (kept-list-preview.ts) or, without one, readies
 * Intl for React's first drawing of it: either way while the app's code downloads.
 */
import { previewKeptList } from '@/app/kept-list-preview'
import { startEarlyProjectsRequest } from '@/lib/early-list-request'
import { readStoredIdToken } from '@/lib/stored-session'
import { warmUpIntl } from '@/lib/warm-up-intl'

startEarlyProjectsRequest()
if (!previewKeptList() && readStoredIdToken()) warmUpIntl()
