import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { issueDeletion } from '../../../shared/capabilities/deletion.ts'
import { TextField } from '../../ui/TextField.tsx'
import { enqueue } from '../../device/outbox.ts'
import { useMeta, usePlan } from '../../plan/hooks.ts'
import { AppDialog } from '../../ui/AppDialog.tsx'
import { planKeyOnThisDevice } from '../../invitations/deviceAccess.ts'

/**
 * "Plan verwijderen" for a device holding the plan key: after typing the
 * household's name, signs the deletion, queues it for the relay and goes to
 * the page that removes the plan from this device (the plan must be closed
 * for that) and says when the relay has erased it too.
 */
export function DeletePlanPanel() {
  const { t } = useTranslation('toegang')
  const { planId } = usePlan()
  const { householdName } = useMeta()
  const [, navigate] = useLocation()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [failed, setFailed] = useState(false)
  const matches = typed.trim().toLocaleLowerCase() === householdName.trim().toLocaleLowerCase() && householdName.trim() !== ''

  async function deletePlan() {
    setFailed(false)
    try {
      const key = await planKeyOnThisDevice(planId)
      if (!key) throw new Error('Only a device holding the plan key can delete the plan')
      await enqueue({ planId, id: 'deletion', kind: 'deletion', text: await issueDeletion(key) })
      navigate(`~/verwijderd/${planId}`, { replace: true })
    } catch (error) {
      console.error('Deleting the plan failed', error)
      setFailed(true)
    }
  }

  return (
    <section className="card stack delete-plan" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('deletePlan.title')}</h3>
      <p>{t('deletePlan.intro')}</p>
      <p className="key-final">{t('deletePlan.final')}</p>
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          {t('deletePlan.open')}
        </button>
      </div>
      {failed && (
        <p className="field-error" role="alert">
          {t('deletePlan.failed')}
        </p>
      )}
      <AppDialog
        isOpen={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) setTyped('')
        }}
        title={t('deletePlan.dialogTitle')}
        role="alertdialog"
      >
        {(close) => (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault()
              if (!matches) return
              close()
              void deletePlan()
            }}
          >
            <p>{t('deletePlan.intro')}</p>
            <p className="key-final">{t('deletePlan.final')}</p>
            <TextField label={t('deletePlan.typeName', { name: householdName })} value={typed} onChange={setTyped} autoComplete="off" autoFocus />
            <div className="button-row">
              <button type="submit" className="button button-danger" disabled={!matches}>
                {t('deletePlan.confirm')}
              </button>
              <button type="button" className="button" onClick={close}>
                {t('common:actions.cancel')}
              </button>
            </div>
          </form>
        )}
      </AppDialog>
    </section>
  )
}
