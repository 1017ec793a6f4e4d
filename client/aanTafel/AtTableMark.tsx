import { useTranslation } from 'react-i18next'
import type { AtTable, PersonId } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useMe } from '../plan/useMe.ts'
import { useFormat } from '../ui/useFormat.ts'
import './strings.ts'
import './aanTafel.css'

/**
 * How an act given at the table reads, everywhere it shows: "Oma Riet — aan
 * tafel, via de telefoon van Ans" (or, beside a name already shown, "aan
 * tafel, via de telefoon van Ans"). Whoever recorded it may take it back
 * here while it waits for the person (a slip of the finger).
 */
export function AtTableMark({ person, atTable, short = false, onTakeBack }: { person: PersonId; atTable: AtTable; short?: boolean; onTakeBack?: () => void }) {
  const { t } = useTranslation('aanTafel')
  const { canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const via = format.name(atTable.by)
  return (
    <span className="at-table-mark" data-at-table={person}>
      <span className="at-table-icon" aria-hidden="true">
        ⇄
      </span>{' '}
      {short ? t('markShort', { via }) : t('mark', { person: format.name(person), via })}
      {canWrite && onTakeBack && atTable.by === me && (
        <>
          {' '}
          <button type="button" className="button button-quiet button-small" aria-label={t('takeBackLabel', { person: format.name(person) })} onClick={onTakeBack}>
            {t('takeBack')}
          </button>
        </>
      )}
    </span>
  )
}
