import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { Heading } from '../../ui/Heading.tsx'
import { useFormat } from '../../ui/useFormat.ts'
import { draftsOf, shareDrafts, type Draft } from './shareables.ts'

/**
 * "Delen met het plan": every draft with a box to tick, none ticked at
 * first; one button shares exactly the ticked ones, after a question that
 * says everyone in the plan, professionals too, will see them.
 */
export function ShareWithPlan({ ours, headingLevel }: { ours: Plan; headingLevel: 3 | 4 }) {
  const { t } = useTranslation('onsNetwerk')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const id = useId()
  const answers = useLive(ours.vragen.notes, () => ours.vragen.notes.list())
  const actions = useLive(ours.basisteam, () => ours.basisteam.list())
  const notes = useLive(ours.notes, () => ours.notes.list())
  const drafts = useMemo(() => draftsOf({ answers, actions, notes }), [answers, actions, notes])
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [asking, setAsking] = useState(false)
  const [done, setDone] = useState<number | null>(null)
  const picked = drafts.filter((d) => d.open && chosen.has(key(d)))

  function toggle(draft: Draft, on: boolean) {
    setDone(null)
    setChosen((current) => {
      const next = new Set(current)
      if (on) next.add(key(draft))
      else next.delete(key(draft))
      return next
    })
  }

  function share() {
    setDone(shareDrafts(picked, ours, plan, me))
    setChosen(new Set())
  }

  return (
    <section className="share-with-plan card stack" aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {t('share.title')}
      </Heading>
      <p>{t('share.intro')}</p>
      {drafts.length === 0 ? (
        <p className="muted">{t('share.nothing')}</p>
      ) : (
        <ul className="share-list" aria-labelledby={`${id}-title`}>
          {drafts.map((draft) => (
            <li key={key(draft)} className="share-item">
              {canWrite && draft.open ? (
                <label className="radio">
                  <input type="checkbox" checked={chosen.has(key(draft))} onChange={(e) => toggle(draft, e.target.checked)} />
                  <span>
                    <span className="share-kind">{t(`share.kind.${draft.kind}`)}:</span> {draft.text}
                  </span>
                </label>
              ) : (
                <p>
                  <span className="share-kind">{t(`share.kind.${draft.kind}`)}:</span> {draft.text}
                </p>
              )}
              <p className="muted share-state">
                {draft.shared ? t('share.sharedAt', { name: format.name(draft.shared.sharedBy), when: format.moment(draft.shared.sharedAt) }) : t('share.notShared')}
                {draft.changedSince && ` ${t('share.changedSince')}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && drafts.some((d) => d.open) && (
        <div className="button-row">
          <button type="button" className="button button-primary" aria-disabled={picked.length === 0} onClick={() => picked.length > 0 && setAsking(true)}>
            {picked.length > 0 ? t('share.button', { count: picked.length }) : t('share.title')}
          </button>
          {picked.length === 0 && <p className="muted share-hint">{t('share.chooseFirst')}</p>}
        </div>
      )}
      <p role="status" className="share-done">
        {done !== null ? t('share.done', { count: done }) : ''}
      </p>
      <ConfirmDialog isOpen={asking} onOpenChange={setAsking} title={t('share.confirmTitle')} confirmLabel={t('share.confirm')} onConfirm={share}>
        <ul>
          {picked.map((draft) => (
            <li key={key(draft)}>
              <span className="share-kind">{t(`share.kind.${draft.kind}`)}:</span> {draft.text}
            </li>
          ))}
        </ul>
        <p>{t('share.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  )
}

function key(draft: Draft): string {
  return `${draft.kind}:${draft.id}`
}

