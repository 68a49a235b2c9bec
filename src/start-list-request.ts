/**
 * A second, tiny entry, loaded only by the projects document (build/route-documents.ts):
 * it starts the list's GET as soon as it arrives (see src/lib/early-list-request.ts)
 * and, for a signed-in user, whose first screen is the list, readies Intl meanwhile.
 */
import { startEarlyProjectsRequest } from '@/lib/early-list-request'
import { readStoredIdToken } from '@/lib/stored-session'
import { warmUpIntl } from '@/lib/warm-up-intl'

startEarlyProjectsRequest()
if (readStoredIdToken()) warmUpIntl()
