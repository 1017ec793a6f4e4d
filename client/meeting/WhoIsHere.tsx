import { useTranslation } from 'react-i18next'
import type { StoredMeeting } from '../../shared/plan/index.ts'
import { usePresence } from '../plan/hooks.ts'
import { sections } from '../sections/registry.ts'
import { useFormat } from '../ui/useFormat.ts'
import { MEETING_SECTION, useMeetingPlaces } from './hooks.ts'

/**
 * "Wie is er": everyone with the plan open now, and whether they follow the
 * meeting or look elsewhere in the plan (and where); the people at the table
 * without a screen of their own, at whose device. A quiet list: no sound,
 * no notice when someone comes or goes.
 */
export function WhoIsHere({ meeting }: { meeting: StoredMeeting }) {
  const { t } = useTranslation('meeting')
  const format = useFormat()
  const people = usePresence()
  const places = useMeetingPlaces()
  const atTable = Object.entries(meeting.atTable)
  return (
    <section className="meeting-here stack" aria-labelledby="meeting-here-title">
      <h3 id="meeting-here-title">{t('presence.title')}</h3>
      <ul className="meeting-here-list">
        {people.map((person) => {
          const place = places.find((p) => p.person === person.personId && p.meeting === meeting.id)
          const name = person.personId ? format.name(person.personId) : person.name
          return (
            <li key={person.clientId}>
              <span className="presence-dot" style={{ background: person.color }} aria-hidden="true" />
              <span>{name}</span>
              {person.personId === meeting.gespreksleider && <span className="muted"> · {t('presence.gespreksleider')}</span>}
              {place && <span className="muted"> · {where(place.section)}</span>}
            </li>
          )
        })}
        {atTable.map(([person, seat]) => (
          <li key={`table-${person}`}>
            <span>{format.name(person)}</span>
            <span className="muted"> · {t('presence.atTable', { name: format.name(seat.via) })}</span>
          </li>
        ))}
      </ul>
      {people.length <= 1 && atTable.length === 0 && <p className="muted">{t('presence.nobody')}</p>}
    </section>
  )

  function where(section: string): string {
    if (section === MEETING_SECTION) return t('presence.following')
    const entry = sections.find((s) => s.id === section)
    return t('presence.elsewhere', { section: entry ? t(entry.labelKey) : section })
  }
}
