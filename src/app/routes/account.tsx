/** Placeholder: the real screen lands with its feature. */
export function Component() {
  return <h1>account</h1>
}
