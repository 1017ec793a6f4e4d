import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestRole } from '../../../shared/plan/meeting/index.ts'
import { showMeetingCode } from '../../../shared/protocol/meetingCode.ts'
import { addCatalog } from '../../i18n/index.ts'
import { joinAddress, joinLink } from './joinLink.ts'
import { meetingGuestCode, type GuestCodeState } from './meetingGuestCode.ts'
import strings from './i18n.ts'
import './join.css'

// Whoever places this panel (the gespreksleider's screen) need not know its strings.
addCatalog('join', strings)

/**
 * On the gespreksleider's screen: how a guest joins on the spot (issue 10).
 * Makes the meeting's guest link (an invitation for several people with the
 * role the household chose, `role`, default netwerk) and its short code at
 * the relay, then shows a large QR code of the short address
 * `<origin>/m/<code>` and the code in large type, to scan or to type. The
 * same code shows again while it has a while to go; when it runs out, a new
 * one is made.
 */
export function MeetingJoinPanel({ planId, role = 'netwerk' }: { planId: string; role?: GuestRole }) {
  const { t, i18n } = useTranslation('join')
  const [state, setState] = useState<GuestCodeState | null>(null)
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => {
    setState(null)
    setAttempt((n) => n + 1)
  }, [])

  useEffect(() => {
    let current = true
    void meetingGuestCode(planId, role, t('panel.guestLinkName'))
      .then((next) => current && setState(next))
      .catch((error: unknown) => {
        console.error('Making the meeting code failed', error)
        if (current) setState({ kind: 'refused', message: String(error) })
      })
    return () => {
      current = false
    }
  }, [planId, role, attempt, t])

  // A code that runs out while shown is replaced: a guest should never be shown a code that no longer works.
  useEffect(() => {
    if (state?.kind !== 'ready') return
    const timer = setTimeout(retry, Math.max(0, state.expiresAt - Date.now()))
    return () => clearTimeout(timer)
  }, [state, retry])

  return (
    <section className="meeting-join stack" aria-labelledby="meeting-join-title">
      <h2 id="meeting-join-title">{t('panel.title')}</h2>
      {state === null && <p role="status">{t('panel.making')}</p>}
      {state?.kind === 'ready' && (
        <>
          <p className="meeting-join-how">{t('panel.scanOrType', { address: joinAddress() })}</p>
          <div className="meeting-join-codes">
            <BigQrCode text={joinLink(state.code)} label={t('panel.qrLabel')} />
            <p className="meeting-join-code">
              <span className="meeting-join-hidden">{t('panel.codeLabel')}: </span>
              <span className="meeting-join-code-text" data-testid="meeting-code">
                {showMeetingCode(state.code)}
              </span>
            </p>
          </div>
          <p>{t(`panel.role.${role}`)}</p>
          <p className="meeting-join-until">
            {t('panel.validUntil', { time: new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en' : 'nl', { hour: '2-digit', minute: '2-digit' }).format(state.expiresAt) })}
          </p>
        </>
      )}
      {state?.kind === 'noKey' && <p>{t('panel.noKey')}</p>}
      {(state?.kind === 'offline' || state?.kind === 'refused') && (
        <div role="alert" className="stack">
          <p>{t(state.kind === 'offline' ? 'panel.offline' : 'panel.refused')}</p>
          <button type="button" onClick={retry}>
            {t('panel.tryAgain')}
          </button>
        </div>
      )}
    </section>
  )
}

/**
 * A QR code drawn on this device by the `qrcode` package, loaded when first
 * shown (it is not part of the first screen). Large: read from across a
 * table or off a projector.
 */
function BigQrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    void import('qrcode')
      // Medium error correction: read from a screen at an angle or through a projector's blur.
      .then(({ toString }) => toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#1d2a2fff', light: '#ffffffff' } }))
      .then((drawn) => current && setSvg(drawn))
      .catch((error: unknown) => console.error('Drawing a QR code failed', error))
    return () => {
      current = false
    }
  }, [text])
  if (!svg) return <div className="meeting-join-qr" aria-hidden="true" />
  return <img className="meeting-join-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={label} />
}
