import type { ServerResponse } from 'node:http'

/**
 * The <style> elements react-aria adds, by the SHA-256 of their text (a
 * version of react-aria that changes them shows up as a CSP error in every
 * browser test): `usePress` (touch-action for pressable elements) and
 * `usePreventScroll` (overscroll-behavior while a dialog is open).
 */
const REACT_ARIA_STYLES = ["'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='", "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='"]

/**
 * The page's Content-Security-Policy: only the app's own scripts (no inline
 * script, no eval), styles from its own files (plus style attributes, which
 * React, react-aria's popovers and the editor set on elements; they cannot
 * run code, and two small <style> elements react-aria adds, allowed by their
 * hash), images of its own and the QR codes it draws as `data:` URLs; for
 * everything else (websockets and requests to the relay it came from, its
 * service worker, manifest and fonts) `default-src 'self'`. No plugins, no
 * <base>, never inside a frame, forms only to itself. Kept short: every
 * answer carries it, and on a phone every byte of a header counts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_STYLES.join(' ')}`,
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

/** Powerful features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = ['camera=()', 'microphone=()', 'geolocation=()'].join(', ')

/**
 * The headers every HTTP answer of the relay carries, the app's files and
 * the relay's own endpoints alike: a strict CSP, no MIME sniffing, no
 * Referer (an invitation travels in a link's #fragment, which browsers never
 * send, but nothing should leak the address of a plan page either), a
 * minimal Permissions-Policy, and its own browsing context group.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/**
 * Sets the security headers on a response before anything is written; a
 * later `writeHead` adds its own headers to them. `withoutCsp` is for Vite's
 * dev server only, whose hot reloading runs inline scripts.
 */
export function applySecurityHeaders(response: ServerResponse, { withoutCsp = false }: { withoutCsp?: boolean } = {}): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (withoutCsp && name === 'Content-Security-Policy') continue
    response.setHeader(name, value)
  }
}
