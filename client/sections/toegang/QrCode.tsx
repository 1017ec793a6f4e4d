import { toString as qrSvg } from 'qrcode'
import { useEffect, useState } from 'react'

/**
 * A QR code of `text`, drawn as SVG by the `qrcode` package on this device
 * (no network: invitations and the plan key are made offline, and never sent
 * to a QR service). `label` says what it holds, for screen readers.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    // Medium error correction: a phone still reads it from a slightly scratched screen or a photo.
    void qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#1d2a2fff', light: '#ffffffff' } })
      .then((drawn) => current && setSvg(drawn))
      .catch((error: unknown) => console.error('Drawing a QR code failed', error))
    return () => {
      current = false
    }
  }, [text])
  if (!svg) return null
  return <img className="qr-code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} width={240} height={240} />
}
