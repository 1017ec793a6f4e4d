import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { LEEFGEBIEDEN, type Leefgebied, type LeefgebiedLabel } from '../../shared/plan/index.ts'
import { AppDialog } from './AppDialog.tsx'
import { useFormat } from './useFormat.ts'
import './ui.css'

/**
 * The leefgebieden as an optional lens: a folded list of tick boxes, closed
 * by default. Tags say which parts of life something touches; they are never
 * required and never a score.
 */
export function LeefgebiedenPicker({
  chosen,
  onChange,
  about,
}: {
  chosen: readonly Leefgebied[]
  onChange: (leefgebied: Leefgebied, on: boolean) => void
  /** What is being tagged, for the group's accessible name. */
  about: string
}) {
  const { t } = useTranslation('ui')
  const format = useFormat()
  return (
    <details className="leefgebieden-picker">
      <summary>
        {t('leefgebieden.summary')}
        {chosen.length > 0 && <span className="muted"> — {chosen.map((key) => format.wording(labelOf(key).everyday)).join(', ')}</span>}
      </summary>
      <fieldset className="field">
        <legend className="visually-hidden">{t('leefgebieden.legend', { about })}</legend>
        <p className="field-hint">{t('leefgebieden.hint')}</p>
        <LeefgebiedenChecks chosen={chosen} onChange={onChange} />
      </fieldset>
    </details>
  )
}

/** The tags on something, quietly; nothing when there are none. */
export function LeefgebiedTags({ tags }: { tags: readonly Leefgebied[] }) {
  const { t } = useTranslation('ui')
  const format = useFormat()
  if (tags.length === 0) return null
  return (
    <ul className="tags" aria-label={t('leefgebieden.tagsLabel')}>
      {tags.map((key) => (
        <li key={key} className="tag">
          <LeefgebiedName label={labelOf(key)} />
        </li>
      ))}
    </ul>
  )
}

function labelOf(key: Leefgebied): LeefgebiedLabel {
  return LEEFGEBIEDEN.find((l) => l.key === key) ?? { key, nl: key, en: key, everyday: { nl: key, en: key } }
}

/** A life area in everyday words first ("Meedoen in de buurt"), with the matrix's own name small beside it. */
export function LeefgebiedName({ label }: { label: LeefgebiedLabel }) {
  const format = useFormat()
  return (
    <>
      {format.wording(label.everyday)} <span className="leefgebied-official">({format.wording(label)})</span>
    </>
  )
}

/** The same as plain text, for a choice in a select: "Meedoen in de buurt (Maatschappelijke participatie)". */
export function leefgebiedText(format: { wording: (w: { nl: string; en: string }) => string }, label: LeefgebiedLabel): string {
  return `${format.wording(label.everyday)} (${format.wording(label)})`
}

/**
 * The leefgebieden of something that already exists, in a dialog opened from
 * its "⋯" menu; every tick applies at once.
 */
export function LeefgebiedenDialog({
  isOpen,
  onOpenChange,
  about,
  chosen,
  onChange,
}: {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  about: string
  chosen: readonly Leefgebied[]
  onChange: (leefgebied: Leefgebied, on: boolean) => void
}) {
  const { t } = useTranslation('ui')
  const title = t('leefgebieden.legend', { about })
  return (
    <AppDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title}>
      {(close) => (
        <>
          <p className="field-hint">{t('leefgebieden.hint')}</p>
          <LeefgebiedenChecks chosen={chosen} onChange={onChange} label={title} />
          <div className="button-row">
            <Button className="button button-primary" onPress={close}>
              {t('done')}
            </Button>
          </div>
        </>
      )}
    </AppDialog>
  )
}

/** The eleven tick boxes, in the matrix's order. */
function LeefgebiedenChecks({ chosen, onChange, label }: { chosen: readonly Leefgebied[]; onChange: (leefgebied: Leefgebied, on: boolean) => void; label?: string }) {
  const format = useFormat()
  const id = useId()
  return (
    <div className="checkbox-columns" role={label ? 'group' : undefined} aria-label={label}>
      {LEEFGEBIEDEN.map((leefgebied) => (
        <label key={leefgebied.key} className="radio" htmlFor={`${id}-${leefgebied.key}`}>
          <input id={`${id}-${leefgebied.key}`} type="checkbox" checked={chosen.includes(leefgebied.key)} onChange={(e) => onChange(leefgebied.key, e.target.checked)} />
          <span>
            <LeefgebiedName label={leefgebied} />
          </span>
        </label>
      ))}
    </div>
  )
}
