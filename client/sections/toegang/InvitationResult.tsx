import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOnline } from '../../sync/useOnline.ts'
import type { NewInvitation } from '../../invitations/deviceAccess.ts'
import { QrCode } from './QrCode.tsx'

/** The invitation just made: its link (token in the #fragment) and a QR code to show on screen, to copy or share. */
export function InvitationResult({ made, onAnother }: { made: NewInvitation; onAnother: () => void }) {
  const { t } = useTranslation('toegang')
  const id = useId()
  const online = useOnline()
  const [notice, setNotice] = useState<'copied' | 'copyFailed' | null>(null)
  const { name, role } = made.invitation
  const canShare = typeof navigator.share === 'function'

  async function copy() {
    try {
      await navigator.clipboard.writeText(made.link)
      setNotice('copied')
    } catch {
      setNotice('copyFailed')
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t('panel.title'), url: made.link })
    } catch {
      // Closing the share sheet is a choice, not an error; the link stays on screen.
    }
  }

  return (
    <div className="stack invitation-result">
      <p className="invitation-result-title">
        {name ? t('panel.result', { name }) : t('panel.resultNoName')} · {t(`common:roles.${role}`)}
      </p>
      <p className="field-hint">{t(`can.${role}`)}</p>
      <div className="field">
        <label htmlFor={`${id}-link`}>{t('panel.link')}</label>
        <input id={`${id}-link`} className="invite-link" value={made.link} readOnly onFocus={(e) => e.target.select()} />
      </div>
      <QrCode text={made.link} label={t('panel.qr')} />
      <p className="field-hint">{t('panel.warning')}</p>
      {!online && <p className="notice">{t('panel.offline')}</p>}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t('panel.copy')}
        </button>
        {canShare && (
          <button type="button" className="button" onClick={() => void share()}>
            {t('panel.share')}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onAnother}>
          {t('panel.another')}
        </button>
      </div>
      <p role="status">{notice ? t(`panel.${notice}`) : ''}</p>
    </div>
  )
}
