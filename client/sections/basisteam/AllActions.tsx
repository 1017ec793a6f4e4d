import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HELP_SOURCES, LEEFGEBIEDEN, type HelpSource, type Leefgebied } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { leefgebiedText } from '../../ui/Leefgebieden.tsx'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { Unfold } from '../../ui/Unfold.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { ActionCard } from './ActionCard.tsx'
import { ActionForm } from './ActionForm.tsx'

/**
 * Every action of the basisteam, with the leefgebieden as an optional lens
 * ("which parts of life does this plan touch?") and the form for a new one.
 */
export function AllActions() {
  const { t } = useTranslation('basisteam')
  const { plan } = usePlan()
  const format = useFormat()
  const id = useId()
  const actions = useLive(plan.basisteam, () => plan.basisteam.list())
  const removed = useLive(plan.basisteam, () => plan.basisteam.removed())
  const [lens, setLens] = useState<Leefgebied | ''>('')
  const touched = LEEFGEBIEDEN.filter((l) => actions.some((a) => a.leefgebieden.includes(l.key)))
  const shown = lens ? actions.filter((a) => a.leefgebieden.includes(lens)) : actions
  const [bySource, setBySource] = useState(false)
  const anySource = actions.some((a) => a.bron !== null)

  return (
    <div className="all-actions stack">
      {touched.length > 0 && (
        <div className="lens">
          <p className="muted">{t('all.touches', { list: format.list(touched.map((l) => format.wording(l.everyday))) })}</p>
          <div className="field">
            <label htmlFor={`${id}-lens`}>{t('all.lens')}</label>
            <select id={`${id}-lens`} value={lens} onChange={(e) => setLens(e.target.value as Leefgebied | '')}>
              <option value="">{t('all.lensAll')}</option>
              {touched.map((l) => (
                <option key={l.key} value={l.key}>
                  {leefgebiedText(format, l)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {anySource && (
        <label className="radio">
          <input type="checkbox" checked={bySource} onChange={(e) => setBySource(e.target.checked)} />
          {t('bron.group')}
        </label>
      )}
      {actions.length === 0 ? (
        <p className="muted">{t('all.empty')}</p>
      ) : bySource && anySource ? (
        // Grouped in the order the sources ask to look: eigen kracht, netwerk, voorliggend, maatwerk; then what nobody said.
        [...HELP_SOURCES, null].map((source: HelpSource | null) => {
          const group = shown.filter((a) => a.bron === source)
          if (group.length === 0) return null
          const title = source ? t(`bron.everyday.${source}`) : t('bron.unknown')
          return (
            <section key={source ?? 'none'} className="stack" aria-label={title}>
              <h3>
                {title}
                {source && <span className="muted"> ({t(`bron.method.${source}`)})</span>}
              </h3>
              <ul className="actions" aria-label={title}>
                {group.map((action) => (
                  <ActionCard key={action.id} action={action} />
                ))}
              </ul>
            </section>
          )
        })
      ) : (
        <ul className="actions" aria-label={t('all.listLabel')}>
          {shown.map((action, index) => (
            <ActionCard key={action.id} action={action} index={lens ? undefined : index} count={lens ? undefined : shown.length} />
          ))}
        </ul>
      )}
      <Unfold label={t('form.open')} className="button button-primary unfold">
        {(close) => (
          <section className="card stack" aria-labelledby={`${id}-new`}>
            <h3 id={`${id}-new`}>{t('form.newTitle')}</h3>
            <ActionForm onDone={close} />
          </section>
        )}
      </Unfold>
      <RemovedNotices label={t('removedLabel')} items={removed.map((a) => ({ ...a, text: a.wat }))} onRestore={(rid) => plan.basisteam.restore(rid)} onDismiss={(rid, actor) => plan.basisteam.dismiss(rid, actor)} />
    </div>
  )
}
