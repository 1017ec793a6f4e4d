import { useTranslation } from 'react-i18next'
import { usePresence } from '../plan/hooks.ts'
import './sync.css'

/** "Nu in dit plan": everyone with the plan open now, each with their colour. */
export function PresenceList() {
  const { t } = useTranslation()
  const people = usePresence()
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence-title">
        {t('presence.title')}
      </h2>
      <ul className="presence-list">
        {people.map((person) => {
          const name = person.name || t('presence.someone')
          return (
            <li key={person.clientId} className="presence-person">
              <span className="presence-dot" style={{ background: person.color }} aria-hidden="true" />
              {person.isMe ? t('presence.you', { name }) : name}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
