import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { SkipLink } from '../app/SkipLink.tsx'
import { RefusedNotice } from '../invitations/Refused.tsx'
import { useMeta, usePlan } from '../plan/hooks.ts'
import { findSection, sections } from '../sections/registry.ts'
import { PresenceList } from '../sync/PresenceList.tsx'
import { SyncStatusLine } from '../sync/SyncStatusLine.tsx'
import { useRefusal } from './usePlanConnection.ts'

/**
 * A plan's workspace: the household's name, the sync status, who is here,
 * the section navigation (from the registry) and the open section.
 */
export function Workspace({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation('workspace')
  const meta = useMeta()
  const refusal = useRefusal(usePlan().connection)
  const section = findSection(sectionId)
  const Section = section?.component

  return (
    <div className="page workspace">
      <SkipLink targetId="content" />
      <AppHeader>
        <h1 className="household-name">{meta.householdName || t('unnamedHousehold')}</h1>
      </AppHeader>
      <div className="workspace-bar">
        <SyncStatusLine />
        <PresenceList />
      </div>
      {refusal && <RefusedNotice />}
      <div className="workspace-body">
        <nav className="section-nav" aria-label={t('sectionsLabel')}>
          <ul>
            {sections.map((entry) => (
              <li key={entry.id}>
                <Link href={`/${entry.id}`} aria-current={entry.id === sectionId ? 'page' : undefined}>
                  {t(entry.labelKey)}
                </Link>
              </li>
            ))}
            <li className="section-nav-home">
              <Link href="~/">{t('myPlans')}</Link>
            </li>
          </ul>
        </nav>
        <main className="workspace-main" id="content" tabIndex={-1}>
          {Section ? (
            <Suspense fallback={<p className="muted">{t('common:loading')}</p>}>
              <Section />
            </Suspense>
          ) : (
            <div className="stack">
              <p>{t('sectionMissing')}</p>
              <Link href={`/${sections[0]?.id ?? ''}`}>{t('toFirstSection')}</Link>
            </div>
          )}
        </main>
      </div>
    </div>
  )
}
