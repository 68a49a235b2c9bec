/**
 * Ids for new projects. POST overwrites an existing id without a word, so the
 * client is the only guard. An id already in the list is never chosen; a
 * project someone else created since the list was loaded can't be seen, so the
 * id is drawn at random from 1 to 2^31 - 1: with n projects created elsewhere
 * meanwhile, the chance of a clash is about n in two billion. (max + 1 would
 * make two people creating at the same time clash every time.) The range stays
 * within a 32-bit signed integer so any consumer of the table can hold it.
 */
export const MAX_GENERATED_ID = 2 ** 31 - 1

export function newProjectId(taken: ReadonlySet<number>): number {
  const buffer = new Uint32Array(1)
  for (;;) {
    crypto.getRandomValues(buffer)
    const id = ((buffer[0] ?? 0) % MAX_GENERATED_ID) + 1
    if (!taken.has(id)) return id
  }
}
