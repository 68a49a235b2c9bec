import type { OAuthProvider } from '@/config/oauth-settings'

/** Each mark's drawing: its view box and its paths' fill and outline. */
const MARKS: Partial<
  Record<OAuthProvider['kind'], { viewBox: string; paths: [string, string][] }>
> = {
  Google: {
    viewBox: '0 0 48 48',
    paths: [
      [
        '#EA4335',
        'M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z',
      ],
      [
        '#4285F4',
        'M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z',
      ],
      [
        '#FBBC05',
        'M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24c0 3.88.92 7.54 2.56 10.78l7.97-6.19z',
      ],
      [
        '#34A853',
        'M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z',
      ],
    ],
  },
  Apple: {
    viewBox: '0 0 24 24',
    paths: [
      [
        'currentColor',
        'M16.37 1.43c0 1.14-.5 2.27-1.18 3.08-.74.9-1.99 1.57-2.99 1.57-.12 0-.23-.02-.3-.03-.01-.06-.04-.22-.04-.39 0-1.15.57-2.27 1.2-2.98.8-.94 2.15-1.64 3.25-1.68.03.13.06.28.06.43zm4.56 15.71c-.03.07-.46 1.58-1.52 3.12-.94 1.34-1.94 2.71-3.43 2.71-1.51 0-1.9-.88-3.63-.88-1.7 0-2.3.91-3.67.91-1.38 0-2.33-1.26-3.43-2.8-1.29-1.82-2.32-4.63-2.32-7.28 0-4.28 2.8-6.55 5.55-6.55 1.45 0 2.67.95 3.6.95.86 0 2.22-1.01 3.9-1.01.61 0 2.89.06 4.37 2.19-.13.09-2.38 1.37-2.38 4.19 0 3.26 2.85 4.42 2.96 4.45z',
      ],
    ],
  },
}

/**
 * The marks Google's and Apple's button guidelines require, drawn here: no
 * remote image (the CSP allows images from this origin only). Google's
 * four-colour "G", Apple's logo in the button's text colour. The others'
 * buttons are text alone, within the 3 kB the buttons may add to a first visit.
 * Decorative: the button's text names the provider.
 */
export function ProviderMark({ kind }: { kind: OAuthProvider['kind'] }) {
  const mark = MARKS[kind]
  if (!mark) return null
  return (
    <svg className="provider-mark" viewBox={mark.viewBox} aria-hidden="true" focusable="false">
      {mark.paths.map(([fill, d]) => (
        <path key={d} fill={fill} d={d} />
      ))}
    </svg>
  )
}
