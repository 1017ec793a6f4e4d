import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPeople, useShowPerson } from '../parts/useShowPerson.ts'
import { linesOf } from './familyWords.ts'
import type { FamilyViewProps } from './familyWords.ts'
import { generationWords } from './generationWords.ts'

/** The familiekaart in words, generation by generation: who, born when, marks said with care, and their lines. */
export function FamilyList({
  generations,
  links,
  onOpen,
}: FamilyViewProps) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const show = useShowPerson()
  const showAll = useShowPeople()
  return (
    <section className="atlas-list stack" aria-labelledby="familiekaart-list-title">
      <h4 id="familiekaart-list-title">{t('asList')}</h4>
      {generations.map(({ generation, members }) => (
        <section key={generation} className="atlas-list-group" aria-label={generationWords(format, generation)}>
          <h5>{generationWords(format, generation)}</h5>
          <ul className="atlas-list-items">
            {members.map((member) => {
              const name = show(member.person)
              const lines = linesOf(member.person.id, links)
              const sentences = [
                lines.partners.length > 0 && t('familiekaart.partnerOf', { names: showAll(lines.partners) }),
                lines.exPartners.length > 0 && t('familiekaart.exPartnerOf', { names: showAll(lines.exPartners) }),
                lines.parents.length > 0 && t('familiekaart.childOf', { names: showAll(lines.parents) }),
                lines.children.length > 0 && t('familiekaart.parentOf', { names: showAll(lines.children) }),
              ].filter((s): s is string => Boolean(s))
              return (
                <li key={member.person.id} className="atlas-list-item">
                  <div>
                    <p>
                      <strong>{name}</strong>
                      {member.person.onList && member.person.relation && <span className="muted"> ({member.person.relation})</span>}
                      {member.birthYear !== null && <span className="muted"> · {t('familiekaart.born', { year: member.birthYear })}</span>}
                    </p>
                    {member.deceased && <p className="atlas-mark atlas-mark-soft">{format.wording(ATLAS_LABELS.familyMarks.deceased)}</p>}
                    {member.outOfContact && <p className="atlas-mark atlas-mark-soft">{format.wording(ATLAS_LABELS.familyMarks.outOfContact)}</p>}
                    {sentences.length > 0 && <p className="muted">{sentences.join(' · ')}</p>}
                    {member.note && <p className="atlas-note">{member.note}</p>}
                  </div>
                  {onOpen && (
                    <button type="button" className="button button-quiet button-small" aria-label={t('editNamed', { name })} onClick={() => onOpen(member.person.id)}>
                      {t('edit')}
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </section>
  )
}
