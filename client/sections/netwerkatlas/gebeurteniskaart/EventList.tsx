import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type LifeEvent } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { MoreMenu } from '../../../ui/MoreMenu.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { useRemoval } from '../../../ui/useRemoval.tsx'
import { useShowPeople } from '../parts/useShowPerson.ts'
import { formatWhen } from './formatWhen.ts'

/** The timeline as an ordered list, in the same order, with everything in words. */
export function EventList({ events, onOpen }: { events: readonly LifeEvent[]; onOpen?: (id: string) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const names = useShowPeople()
  const removal = useRemoval()
  return (
    <section className="atlas-list stack" aria-labelledby="gebeurteniskaart-list-title">
      <h4 id="gebeurteniskaart-list-title">{t('asList')}</h4>
      <ol className="atlas-list-items event-list">
        {events.map((event) => {
          const date = formatWhen(event.when, format.language)
          return (
            <li key={event.id} className={`atlas-list-item event-item is-${event.strength ?? 'none'}`}>
              <div>
                <p className="event-date">{date ?? <span className="muted">{t('gebeurteniskaart.noDate')}</span>}</p>
                <p className="event-what">{event.what}</p>
                {event.involved.length > 0 && <p className="muted">{t('gebeurteniskaart.with', { names: names(event.involved) })}</p>}
                {event.strength && <p className="atlas-mark event-strength">{format.wording(ATLAS_LABELS.strengths[event.strength])}</p>}
              </div>
              <MoreMenu
                item={event.id}
                label={t('ui:more', { text: event.what })}
                actions={[
                  { id: 'edit', label: t('ui:edit'), onAction: () => onOpen?.(event.id) },
                  {
                    id: 'remove',
                    label: t('ui:remove.action'),
                    onAction: () => removal.request({ author: event.createdBy, text: event.what, remove: () => plan.netwerkatlas.gebeurteniskaart.remove(event.id, me) }),
                  },
                ]}
              />
            </li>
          )
        })}
      </ol>
      {removal.dialog}
    </section>
  )
}
