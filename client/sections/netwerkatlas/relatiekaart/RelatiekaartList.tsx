import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type PersonId, type PlacedPerson, type RingView } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'

/** The relatiekaart as a list, ring by ring and sector by sector, with everything the drawing says in words. */
export function RelatiekaartList({ rings, onOpen }: { rings: readonly RingView[]; onOpen?: (person: PersonId) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  return (
    <section className="atlas-list stack" aria-labelledby="relatiekaart-list-title">
      <h4 id="relatiekaart-list-title">{t('asList')}</h4>
      {rings.map(({ ring, sectors }) => {
        const filled = sectors.filter((s) => s.people.length > 0)
        return (
          <section key={ring} className="atlas-list-group" aria-label={format.wording(ATLAS_LABELS.rings[ring])}>
            <h5>{format.wording(ATLAS_LABELS.rings[ring])}</h5>
            {filled.length === 0 ? (
              <p className="muted">{t('relatiekaart.nobodyInRing')}</p>
            ) : (
              <ul className="atlas-list-items">
                {filled.flatMap(({ people }) => people.map((p) => <PlacedRow key={p.person.id} placed={p} onOpen={onOpen} />))}
              </ul>
            )}
          </section>
        )
      })}
    </section>
  )
}

function PlacedRow({ placed, onOpen }: { placed: PlacedPerson; onOpen?: (person: PersonId) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const show = useShowPerson()
  const name = show(placed.person)
  const details = [
    format.wording(ATLAS_LABELS.sectors[placed.sector]),
    ...placed.support.map((kind) => format.wording(ATLAS_LABELS.support[kind]).toLowerCase()),
  ]
  return (
    <li className="atlas-list-item">
      <div>
        <p>
          <strong>{name}</strong>
          {placed.person.onList && placed.person.relation && <span className="muted"> ({placed.person.relation})</span>}
        </p>
        <p className="muted">{details.join(' · ')}</p>
        {placed.strained && <p className="atlas-mark atlas-mark-strained">{format.wording(ATLAS_LABELS.relationship.strained)}</p>}
        {placed.brug && <p className="atlas-mark atlas-mark-brug">{format.wording(ATLAS_LABELS.relationship.brug)}</p>}
        {placed.note && <p className="atlas-note">{placed.note}</p>}
      </div>
      {onOpen && (
        <button type="button" className="button button-quiet button-small" aria-label={t('editNamed', { name })} onClick={() => onOpen(placed.person.id)}>
          {t('edit')}
        </button>
      )}
    </li>
  )
}
