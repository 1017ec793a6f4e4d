import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type PosterSection, type StoredPosterItem } from '../../../../shared/plan/index.ts'
import { usePlan, useSharedText } from '../../../plan/hooks.ts'
import { SharedTextArea } from '../../../ui/SharedTextArea.tsx'
import { useMe } from '../../../plan/useMe.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { PosterItemRow } from './PosterItemRow.tsx'

/** One part of the poster: its question as the heading, short items, a line to add one, and a free text written together. */
export function PosterSectionCard({ section, items }: { section: PosterSection; items: readonly StoredPosterItem[] }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const id = useId()
  const [draft, setDraft] = useState('')
  const title = format.wording(ATLAS_LABELS.posterSections[section])
  const poster = plan.netwerkatlas.basisposter
  const free = useSharedText(poster.textOf(section))

  function add(event: FormEvent) {
    event.preventDefault()
    if (!draft.trim()) return
    poster.add(section, draft.trim(), me)
    setDraft('')
  }

  return (
    <section className={`poster-section is-${section}`} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      {items.length > 0 ? (
        <ul className="poster-items">
          {items.map((item, index) => (
            <PosterItemRow key={item.id} item={item} index={index} count={items.length} />
          ))}
        </ul>
      ) : (
        <p className="muted poster-empty">{t(`basisposter.prompts.${section}`)}</p>
      )}
      {canWrite && (
        <form className="poster-add" onSubmit={add}>
          <label htmlFor={`${id}-add`} className="visually-hidden">
            {t('basisposter.addLabel', { section: title })}
          </label>
          <input id={`${id}-add`} autoComplete="off" value={draft} placeholder={t('basisposter.addPlaceholder')} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="button button-small">
            {t('basisposter.add')}
          </button>
        </form>
      )}
      {/* Open by itself once there is free text, so a visitor reads it; printed as plain text (a closed <details> would not print). */}
      {canWrite && (
        <details className="poster-more" open={free.trim().length > 0 || undefined}>
          <summary>{t('basisposter.freeText')}</summary>
          <SharedTextArea text={poster.textOf(section)} label={t('basisposter.freeTextLabel', { section: title })} authors={plan.authors} />
        </details>
      )}
      {/* Someone who only reads sees the free text as words; everyone gets it on paper. */}
      {free.trim() && <p className={canWrite ? 'print-only poster-free' : 'poster-free'}>{free}</p>}
    </section>
  )
}
