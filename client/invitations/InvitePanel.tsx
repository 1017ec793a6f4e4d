import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/protocol/roles.ts'
import { ChoiceField } from '../app/ChoiceField.tsx'
import { TextField } from '../app/TextField.tsx'
import { usePlan } from '../plan/hooks.ts'
import { createInvitationLink, holdsPlanKey } from './deviceAccess.ts'
import './invitations.css'

type InviteeRole = Exclude<Role, 'eigenaar'>
const INVITEE_ROLES: readonly InviteeRole[] = ['netwerk', 'professional', 'meelezer']

/**
 * "Iemand uitnodigen": makes an invitation link signed with the plan key.
 * Shown only on a device holding the key (the household's): only it can invite.
 */
export function InvitePanel() {
  const { planId } = usePlan()
  const [mayInvite, setMayInvite] = useState(false)
  useEffect(() => {
    let current = true
    void holdsPlanKey(planId).then((holds) => current && setMayInvite(holds))
    return () => {
      current = false
    }
  }, [planId])
  return mayInvite ? <InviteForm planId={planId} /> : null
}

function InviteForm({ planId }: { planId: string }) {
  const { t } = useTranslation('uitnodiging')
  const id = useId()
  const [role, setRole] = useState<InviteeRole>('netwerk')
  const [name, setName] = useState('')
  const [link, setLink] = useState<string | null>(null)
  const [notice, setNotice] = useState<'copied' | 'copyFailed' | 'failed' | null>(null)

  async function create(event: FormEvent) {
    event.preventDefault()
    setNotice(null)
    try {
      setLink(await createInvitationLink(planId, { role, name }))
    } catch (error) {
      console.error('Making an invitation failed', error)
      setNotice('failed')
    }
  }

  async function copy(text: string) {
    await navigator.clipboard.writeText(text)
    setNotice('copied')
  }

  return (
    <section className="card stack invite-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('panel.title')}</h3>
      <p>{t('panel.intro')}</p>
      <form className="stack" onSubmit={(e) => void create(e)}>
        <ChoiceField legend={t('panel.role')} options={INVITEE_ROLES.map((option) => ({ value: option, label: t(`panel.roles.${option}`) }))} value={role} onChange={setRole} />
        <TextField label={t('panel.name')} value={name} onChange={setName} autoComplete="off" />
        <div className="button-row">
          <button type="submit" className="button">
            {t('panel.create')}
          </button>
        </div>
      </form>
      {link && (
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('panel.link')}</label>
            <input id={`${id}-link`} className="invite-link" value={link} readOnly onFocus={(e) => e.target.select()} />
          </div>
          <p className="field-hint">{t('panel.warning')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void copy(link).catch(() => setNotice('copyFailed'))}>
              {t('panel.copy')}
            </button>
          </div>
        </div>
      )}
      <p role="status">{notice ? t(`panel.${notice}`) : ''}</p>
    </section>
  )
}
