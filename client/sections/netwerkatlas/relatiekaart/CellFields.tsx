import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, RINGS, SECTORS, type Ring, type Sector } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'

/** "Hoe dichtbij?" and "Uit welk deel van het leven?" as two groups of radio buttons (arrow keys move within a group). */
export function CellFields({ ring, sector, onChange }: { ring: Ring | null; sector: Sector | null; onChange: (change: { ring?: Ring; sector?: Sector }) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const id = useId()
  return (
    <div className="cell-fields">
      <fieldset className="field">
        <legend>{t('relatiekaart.howClose')}</legend>
        {RINGS.map((r) => (
          <label key={r} className="radio" htmlFor={`${id}-${r}`}>
            <input id={`${id}-${r}`} type="radio" name={`${id}-ring`} checked={ring === r} onChange={() => onChange({ ring: r })} />
            {format.wording(ATLAS_LABELS.rings[r])}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('relatiekaart.whichPart')}</legend>
        {SECTORS.map((s) => (
          <label key={s} className="radio" htmlFor={`${id}-${s}`}>
            <input id={`${id}-${s}`} type="radio" name={`${id}-sector`} checked={sector === s} onChange={() => onChange({ sector: s })} />
            {format.wording(ATLAS_LABELS.sectors[s])}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
