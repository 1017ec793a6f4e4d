import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { PARTNERSCHAPSKAART, type PlanVersion } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useFormat } from '../../ui/useFormat.ts'
import { SaveVersion } from '../versies/SaveVersion.tsx'

/**
 * "Versie ingevuld door": keep the card as it is now under a name, with who
 * filled it in; look back at kept versions. These are versions of the whole
 * plan (plan.versions, also in "Versies"), shown here for the card.
 */
export function CardVersions() {
  const { t } = useTranslation('partnerschapskaart')
  const { plan, canWrite } = usePlan()
  const versions = useLive(plan.versions, () => plan.versions.list())
  return (
    <section className="pk-versions card stack" aria-labelledby="pk-versions-title">
      <h3 id="pk-versions-title">{t('versions.title')}</h3>
      <p className="muted">{t('versions.intro')}</p>
      {canWrite && <SaveVersion labels={{ name: t('versions.name'), nameHint: t('versions.nameHint'), filledInBy: t('versions.filledInBy'), save: t('versions.save') }} />}
      <h4>{t('versions.saved')}</h4>
      {versions.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <ul className="pk-version-list">
          {versions.map((version) => (
            <VersionRow key={version.id} version={version} />
          ))}
        </ul>
      )}
    </section>
  )
}

function VersionRow({ version }: { version: PlanVersion }) {
  const { t } = useTranslation('partnerschapskaart')
  const format = useFormat()
  return (
    <li className="pk-version">
      <p className="pk-version-name">{version.name || t('versions.unnamed')}</p>
      <p className="muted">
        {t('versions.line', { names: format.names(version.filledInBy), by: format.name(version.savedBy), when: format.moment(version.savedAt) })}
      </p>
      <details>
        <summary>{t('versions.show')}</summary>
        <VersionContent id={version.id} />
      </details>
    </li>
  )
}

function VersionContent({ id }: { id: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const format = useFormat()
  const old = useMemo(() => plan.openVersion(id), [plan, id])
  if (!old) return <p className="muted">{t('versions.unreadable')}</p>
  const content = { values: old.waarden.list(), geslaagd: old.geslaagd.list(), items: old.partnerschapskaart.items.bind(old.partnerschapskaart) }
  return (
    <dl className="pk-version-content">
      {PARTNERSCHAPSKAART.map((prompt) => {
        const lines =
          prompt.step === 'waarden'
            ? [
                ...content.values.filter((v) => v.scope === 'shared').map((v) => v.text),
                ...content.geslaagd.map((g) => `${format.name(g.person)}: ${t('waarden:geslaagd.sentence', { subject: g.subject || t('waarden:geslaagd.subjectDefault'), condition: g.condition || '…' })}`),
              ]
            : content.items(prompt.step).map((i) => i.text)
        return (
          <div key={prompt.step}>
            <dt>{format.wording(prompt.title)}</dt>
            {lines.length === 0 ? <dd className="muted">{t('versions.empty')}</dd> : lines.map((line, index) => <dd key={index}>{line}</dd>)}
          </div>
        )
      })}
    </dl>
  )
}
