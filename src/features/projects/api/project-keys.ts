/** Every react-query key of the projects feature comes from here. */
export const projectKeys = {
  all: ['projects'] as const,
  list: () => [...projectKeys.all, 'list'] as const,
  writes: () => [...projectKeys.all, 'write'] as const,
}
