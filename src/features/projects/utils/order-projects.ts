import type { Project } from '../api/parse-projects'

/**
 * The order people expect: the default project first, then by name as the
 * reader's language sorts it, with numbers in names compared as numbers
 * ("Sprint 2" before "Sprint 10"), ignoring case; equal names by id.
 */
export function orderProjects<P extends Project>(projects: readonly P[], locale: string): P[] {
  const collator = collatorFor(locale)
  return [...projects].sort(
    (a, b) =>
      Number(b.isDefault) - Number(a.isDefault) || collator.compare(a.name, b.name) || a.id - b.id,
  )
}

// Making a collator costs more than sorting a short list with it: one per language.
const collators = new Map<string, Intl.Collator>()
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale)
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
    collators.set(locale, collator)
  }
  return collator
}

/** What the filter box matches on: the name (any case) and the id. */
export interface Searchable<P extends Project = Project> {
  project: P
  text: string
}

export function toSearchable<P extends Project>(
  projects: readonly P[],
  locale: string,
): Searchable<P>[] {
  return projects.map((project) => ({
    project,
    text: `${project.name.normalize('NFKC').toLocaleLowerCase(locale)}\u0000${project.id}`,
  }))
}

export function filterProjects<P extends Project>(
  searchable: readonly Searchable<P>[],
  query: string,
  locale: string,
): P[] {
  const needle = query.trim().normalize('NFKC').toLocaleLowerCase(locale)
  if (needle === '') return searchable.map((entry) => entry.project)
  return searchable.filter((entry) => entry.text.includes(needle)).map((entry) => entry.project)
}
