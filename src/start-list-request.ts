/**
 * A second, tiny entry, loaded only by the projects document (build/route-documents.ts):
 * it starts the list's GET as soon as it arrives (see src/lib/early-list-request.ts).
 */
import { startEarlyProjectsRequest } from '@/lib/early-list-request'

startEarlyProjectsRequest()
