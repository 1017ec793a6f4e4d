import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { CARD_STEPS, PARTNERSCHAPSKAART, type ItemChange, type ItemLabel, type PlanSection, type PlanVersion, type SectionChanges } from '../../../shared/plan/index.ts'
import { PlanDocument } from '../../document/PlanDocument.tsx'
import { DOCUMENT_SECTIONS, NOT_IN_VERSIONS } from '../../document/sections.ts'
import { PlanProvider } from '../../plan/PlanContext.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * One kept version: what changed since, per section and by whom, with a way
 * to put an item, a section or the whole plan back (a normal edit everyone
 * sees; before a section or the plan goes back, the plan as it is now is
 * kept as a version too); and the version itself to read.
 */
export function VersionPage({ id }: { id: string }) {
  const { t } = useTranslation('versies')
  const { plan } = usePlan()
  const version = useLive(plan.versions, () => plan.versions.get(id))
  const changes = useLive(plan.versions.planChanges, () => plan.versions.compare(id))
  return (
    <section className="versies stack" aria-labelledby="versie-title">
      <p>
        <Link href="/versies">{t('back')}</Link>
      </p>
      <h2 id="versie-title">{version ? version.name || t('unnamed') : t('title')}</h2>
      {!version ? <p>{t('missing')}</p> : !changes ? <p>{t('unreadable')}</p> : <Compare version={version} changes={changes} />}
      {version && changes && <ReadVersion version={version} />}
    </section>
  )
}

function Compare({ version, changes }: { version: PlanVersion; changes: SectionChanges[] }) {
  const { t } = useTranslation('versies')
  const { canWrite } = usePlan()
  const same = changes.every((s) => s.changes.length === 0)
  return (
    <section className="stack" aria-labelledby="versie-compare-title">
      <h3 id="versie-compare-title">{t('compare.title')}</h3>
      {same && <p>{t('compare.same')}</p>}
      {!same && canWrite && <RestorePlan version={version} />}
      {changes
        .filter((s) => s.changes.length > 0)
        .map((section) => (
          <SectionCompare key={section.section} version={version} section={section} />
        ))}
    </section>
  )
}

function SectionCompare({ version, section }: { version: PlanVersion; section: SectionChanges }) {
  const { t } = useTranslation('versies')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const [asking, setAsking] = useState(false)
  const name = t(`document:sections.${section.section}`)
  return (
    <section className="versies-compare-section stack" aria-labelledby={`versie-s-${section.section}`}>
      <h4 id={`versie-s-${section.section}`}>{name}</h4>
      <ul className="versies-changes">
        {section.changes.map((change) => (
          <ChangeRow key={`${change.container}/${change.key}`} version={version} change={change} />
        ))}
      </ul>
      {canWrite && (
        <>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setAsking(true)}>
              {t('restore.section', { section: name })}
            </button>
          </div>
          <ConfirmDialog
            isOpen={asking}
            onOpenChange={setAsking}
            title={t('restore.sectionTitle', { section: name })}
            confirmLabel={t('restore.confirm')}
            onConfirm={() => plan.versions.restoreSection(version.id, section.section as PlanSection, me, { keepCurrentAs: t('restore.keptAs', { name: version.name || t('unnamed') }) })}
          >
            <p>{t('restore.sectionBody', { section: name })}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  )
}

function ChangeRow({ version, change }: { version: PlanVersion; change: ItemChange }) {
  const { t } = useTranslation('versies')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const format = useFormat()
  const what = useLabel(change)
  const verb = change.by.length ? t(`change.${change.change}`, { names: format.names(change.by) }) : t(`change.${change.change}Unknown`)
  const fields = change.change === 'changed' ? change.fields.map((f) => t(`fields.${f}`, { defaultValue: '' })).filter(Boolean) : []
  return (
    <li className="versies-change">
      <span className="versies-change-what">
        {what} — {verb}
        {fields.length > 0 && ` (${t('change.fields', { fields: format.list([...new Set(fields)]) })})`}
      </span>
      {canWrite && (
        <button type="button" className="button button-small" aria-label={t('restore.itemLabel', { what })} onClick={() => plan.versions.restoreItem(version.id, change, me)}>
          {t('restore.item')}
        </button>
      )}
    </li>
  )
}

/** An item in plain words: "Waarde ‘Rust in huis’", "Op de relatiekaart: Bram", "Ons verhaal". */
function useLabel(change: ItemChange): string {
  const { t } = useTranslation('versies')
  const format = useFormat()
  const container = change.container.startsWith('basisposter-tekst') ? 'basisposter-tekst' : change.container
  const thing = t(`things.${container}`, { defaultValue: '' })
  const label: ItemLabel = change.label
  if ('text' in label) return `${thing} ‘${label.text}’`
  if ('people' in label) return `${thing}: ${format.names(label.people)}`
  if ('person' in label) {
    if (change.container === 'partnerschapskaart-akkoord' && label.detail && (CARD_STEPS as readonly string[]).includes(label.detail)) {
      const step = PARTNERSCHAPSKAART.find((p) => p.step === label.detail)
      return t('change.agreed', { name: format.name(label.person), step: step ? format.wording(step.title) : label.detail })
    }
    return `${thing}: ${format.name(label.person)}`
  }
  if (change.container === 'meta') return `${thing}: ${t(`meta.${label.field}`, { defaultValue: label.field })}`
  return thing
}

function RestorePlan({ version }: { version: PlanVersion }) {
  const { t } = useTranslation('versies')
  const { plan } = usePlan()
  const me = useMe()
  const [asking, setAsking] = useState(false)
  return (
    <>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t('restore.plan')}
        </button>
      </div>
      <ConfirmDialog
        isOpen={asking}
        onOpenChange={setAsking}
        title={t('restore.planTitle')}
        confirmLabel={t('restore.confirm')}
        onConfirm={() => plan.versions.restorePlan(version.id, me, { keepCurrentAs: t('restore.keptAs', { name: version.name || t('unnamed') }) })}
      >
        <p>{t('restore.planBody')}</p>
      </ConfirmDialog>
    </>
  )
}

/** The version to read, as the plan's document: a plan of its own, read-only. */
function ReadVersion({ version }: { version: PlanVersion }) {
  const { t } = useTranslation('versies')
  const context = usePlan()
  const old = useMemo(() => context.plan.openVersion(version.id), [context.plan, version.id])
  const value = useMemo(() => (old ? { ...context, plan: old, canWrite: false } : null), [context, old])
  if (!value) return null
  return (
    <section className="stack" aria-labelledby="versie-read-title">
      <h3 id="versie-read-title">{t('read.title')}</h3>
      <PlanProvider value={value}>
        <PlanDocument chosen={new Set(DOCUMENT_SECTIONS.filter((s) => !NOT_IN_VERSIONS.includes(s)))} version={version} />
      </PlanProvider>
    </section>
  )
}
