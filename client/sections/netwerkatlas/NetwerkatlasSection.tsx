import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { usePlan } from '../../plan/hooks.ts'
import { INSTRUMENTS, instrumentFor } from './instruments.ts'
import './netwerkatlas.css'

/**
 * "Netwerkatlas": the five instruments with which the household and its
 * network map their people and their story. One entry in the plan's
 * navigation; the instruments are a calm row of tabs-as-links inside it
 * (`/netwerkatlas/<instrument>`), the basisposter first.
 */
export function NetwerkatlasSection() {
  const { t } = useTranslation('netwerkatlas')
  const { canWrite } = usePlan()
  const params = useParams<{ view?: string }>()
  const current = instrumentFor(params.view)
  const View = current.component

  return (
    // A meelezer reads along: the forms and handles for changing things are not shown (the relay would refuse the changes).
    <section className={`netwerkatlas stack${canWrite ? '' : ' is-read-only'}`} aria-labelledby="netwerkatlas-title">
      <h2 id="netwerkatlas-title">{t('title')}</h2>
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
      <View />
    </section>
  )
}
