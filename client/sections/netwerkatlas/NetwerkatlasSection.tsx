import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { INSTRUMENTS, instrumentFor } from './instruments.ts'
import './netwerkatlas.css'
import { SectionTitle } from '../../ui/SectionTitle.tsx'
import { MarkRoomsProvider } from './marks/MarkRooms.tsx'

/**
 * "Netwerkatlas": the five instruments with which the household and its
 * network map their people and their story. One entry in the plan's
 * navigation; the instruments are a calm row of tabs-as-links inside it
 * (`/netwerkatlas/<instrument>`), the basisposter first. Sensitive marks about
 * a person are kept in the room their writer chose (marks/), so the
 * instruments read the rooms this device opens.
 */
export function NetwerkatlasSection() {
  const { t } = useTranslation('netwerkatlas')
  const params = useParams<{ view?: string }>()
  const current = instrumentFor(params.view)
  const View = current.component

  return (
    <section className="netwerkatlas stack" aria-labelledby="netwerkatlas-title">
      <SectionTitle id="netwerkatlas-title" title={t('title')} method={t('method')} />
      <nav className="atlas-nav" aria-label={t('navLabel')}>
        <ul>
          {INSTRUMENTS.map((instrument) => (
            <li key={instrument.id}>
              <Link href={`/netwerkatlas/${instrument.id}`} aria-current={instrument.id === current.id ? 'page' : undefined}>
                {t(`instruments.${instrument.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <MarkRoomsProvider>
        <View />
      </MarkRoomsProvider>
    </section>
  )
}
