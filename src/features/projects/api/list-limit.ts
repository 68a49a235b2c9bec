import type { ProjectList } from './parse-projects'

/**
 * The API's Lambda reads the table with one Scan of `Limit: 50` and never
 * follows `LastEvaluatedKey`: no answer holds more than 50 projects.
 */
export const API_LIST_LIMIT = 50

/** An answer at the limit may have left projects out; one under it holds them all. */
export function isCapped(list: ProjectList): boolean {
  return list.listed >= API_LIST_LIMIT
}
