import { encode } from 'uqr'

/**
 * The authenticator-app link as a QR code, drawn as SVG shapes in the browser:
 * no image request, and attributes only (no style), so the strict CSP allows it.
 * Loaded only with the set-up screens.
 */
export function TotpQrCode({ uri, label }: { uri: string; label: string }) {
  // A 4-module quiet zone, as scanners expect.
  const { data, size } = encode(uri, { ecc: 'M', border: 4 })
  let d = ''
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`
    }),
  )
  return (
    <svg
      className="totp-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
