import { useTranslation } from 'react-i18next'
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components'
import { ATLAS_LABELS, type Slot, type WeekDay } from '../../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../../plan/hooks.ts'
import { useMe } from '../../../plan/useMe.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { useShowPerson } from '../parts/useShowPerson.ts'

/**
 * The week as a table: days down, parts of the day across, who is there in
 * each cell. A table, not a drawing: it is a grid by nature, and a screen
 * reader can walk it cell by cell with the day and part of day announced.
 * An empty cell says "niemand", in words as well as in a softer colour.
 */
export function WeekGrid({ week }: { week: readonly WeekDay[] }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const parts = week[0]?.parts.map((p) => p.part) ?? []
  return (
    <div className="atlas-scroll">
      <table className="week-grid">
        <caption className="visually-hidden">{t('contactschema.gridCaption')}</caption>
        <thead>
          <tr>
            <td />
            {parts.map((part) => (
              <th key={part} scope="col">
                {format.wording(ATLAS_LABELS.dayParts[part])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {week.map(({ day, parts: cells }) => (
            <tr key={day}>
              <th scope="row">{format.wording(ATLAS_LABELS.days[day])}</th>
              {cells.map(({ part, people }) => (
                <SlotCell key={part} slot={{ day, part }} people={people} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SlotCell({ slot, people }: { slot: Slot; people: WeekDay['parts'][number]['people'] }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const everyone = useRecords(plan.people)
  const when = t('contactschema.slotWords', { day: format.wording(ATLAS_LABELS.days[slot.day]), part: format.wording(ATLAS_LABELS.dayParts[slot.part]) })
  const here = new Set(people.map((p) => p.id))
  const addable = everyone.filter((p) => !here.has(p.id))
  const nobody = !people.some((p) => p.onList)
  const schema = plan.netwerkatlas.contactschema

  return (
    <td className={nobody ? 'is-gap' : undefined}>
      <div className="slot-cell">
        {people.length > 0 && (
          <ul className="slot-people">
            {people.map((person) => {
              const name = show(person)
              return (
                <li key={person.id} className={`slot-person${person.onList ? '' : ' is-former'}`}>
                  <span>{name}</span>
                  {canWrite && (
                    <button type="button" className="slot-remove" aria-label={t('contactschema.takeLabel', { name, when })} onClick={() => schema.take(person.id, slot, me)}>
                      <span aria-hidden="true">×</span>
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
        )}
        {nobody && <p className="slot-nobody">{t('contactschema.nobody')}</p>}
        {canWrite && (
          <MenuTrigger>
          <Button className="slot-add" aria-label={t('contactschema.putLabel', { when })} isDisabled={addable.length === 0}>
            <span aria-hidden="true">+</span>
          </Button>
          <Popover className="popover slot-popover" placement="bottom start">
            <Menu className="menu" aria-label={t('contactschema.putLabel', { when })} onAction={(key) => schema.put(String(key), slot, me)}>
              {addable.map((person) => (
                <MenuItem key={person.id} id={person.id} className="menu-item">
                  {person.name}
                </MenuItem>
              ))}
            </Menu>
          </Popover>
          </MenuTrigger>
        )}
      </div>
    </td>
  )
}
