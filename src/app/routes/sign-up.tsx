/** Placeholder: the real screen lands with its feature. */
export function Component() {
  return <h1>sign-up</h1>
}
