/** Placeholder: the real screen lands with its feature. */
export function Component() {
  return <h1>confirm-sign-up</h1>
}
