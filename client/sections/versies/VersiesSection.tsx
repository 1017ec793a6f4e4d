import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import type { PlanVersion } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { SaveVersion } from './SaveVersion.tsx'
import { VersionPage } from './VersionPage.tsx'
import './versies.css'

/**
 * "Versies": keep the plan as it is now under a name, see every kept version
 * with who kept it and when, and open one to read, compare with now and
 * restore (`/versies/<id>`).
 */
export function VersiesSection() {
  const { view } = useParams<{ view?: string }>()
  if (view) return <VersionPage id={view} />
  return <VersionList />
}

function VersionList() {
  const { t } = useTranslation('versies')
  const { plan, canWrite } = usePlan()
  const versions = useLive(plan.versions, () => plan.versions.list())
  const [saved, setSaved] = useState<string | null>(null)
  return (
    <section className="versies stack" aria-labelledby="versies-title">
      <h2 id="versies-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {canWrite && (
        <section className="card stack" aria-labelledby="versies-save-title">
          <h3 id="versies-save-title">{t('save.title')}</h3>
          <SaveVersion
            labels={{ name: t('save.name'), nameHint: t('save.nameHint'), filledInBy: t('save.filledInBy'), save: t('save.submit') }}
            onSaved={(id) => setSaved(plan.versions.get(id)?.name || t('unnamed'))}
          />
          <p role="status" className="muted">
            {saved !== null && t('save.done', { name: saved })}
          </p>
        </section>
      )}
      <section className="stack" aria-labelledby="versies-list-title">
        <h3 id="versies-list-title">{t('list.title')}</h3>
        {versions.length === 0 ? (
          <p className="muted">{t('list.none')}</p>
        ) : (
          <ul className="versies-list">
            {versions.map((version) => (
              <VersionRow key={version.id} version={version} />
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}

function VersionRow({ version }: { version: PlanVersion }) {
  const { t } = useTranslation('versies')
  const format = useFormat()
  const name = version.name || t('unnamed')
  return (
    <li className="versies-item">
      <Link href={`/versies/${version.id}`} className="versies-name" aria-label={t('list.open', { name })}>
        {name}
      </Link>
      <p className="muted">{t('list.line', { by: format.name(version.savedBy), when: format.moment(version.savedAt), names: format.names(version.filledInBy) })}</p>
      {version.fromCard && <p className="muted">{t('list.fromCard')}</p>}
    </li>
  )
}
