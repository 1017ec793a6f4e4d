import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { AppHeader } from '../app/AppHeader.tsx'
import { registerServiceWorker } from '../app/serviceWorker.ts'
import { SkipLink } from '../app/SkipLink.tsx'
import { invitationAccess } from '../../shared/capabilities/access.ts'
import { AccessUpkeep } from '../invitations/AccessUpkeep.tsx'
import { ForgetHandedOverKey } from '../invitations/ForgetHandedOverKey.tsx'
import { StartedForHousehold } from '../invitations/StartedForHousehold.tsx'
import { Welcome } from '../invitations/Welcome.tsx'
import type { DeviceAccess } from '../invitations/deviceAccess.ts'
import { ReadOnlyBanner, RefusedNotice, RefusedStatusLine } from '../invitations/Refused.tsx'
import { useMeta, usePlan } from '../plan/hooks.ts'
import { sections, type Section } from '../sections/registry.ts'
import { FollowMeeting } from '../meeting/FollowMeeting.tsx'
import { PlanNotices } from './PlanNotices.tsx'
import { NewerVersionNotice } from '../sync/NewerVersionNotice.tsx'
import { PresenceList } from '../sync/PresenceList.tsx'
import { SyncStatusLine } from '../sync/SyncStatusLine.tsx'
import { preloadStoryWhenIdle } from './preloadStoryWhenIdle.ts'
import { SectionFailed } from './SectionFailed.tsx'
import { SectionNav } from './SectionNav.tsx'
import { useSectionWhenLoaded } from './useSectionWhenLoaded.ts'

/**
 * A plan's workspace: the household's name, the sync status, who is here,
 * the section navigation (from the registry, only the rooms this device's
 * invitation opens) and the open section. Someone who may only read sees
 * one line saying so; every section hides its own editing for them.
 */
export function Workspace({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation('workspace')
  const meta = useMeta()
  const { planId, access, refusal, canWrite } = usePlan()
  const visible = sections.filter((entry) => opens(access, entry))
  const section = useSectionWhenLoaded(visible.find((entry) => entry.id === sectionId))
  const Section = section?.component
  // Once, for the section the plan opened on.
  useEffect(() => preloadStoryWhenIdle(section), [])

  return (
    <div className="page workspace">
      <SkipLink targetId="content" />
      <AppHeader>
        <h1 className="household-name">{meta.householdName || t('unnamedHousehold')}</h1>
      </AppHeader>
      <div className="workspace-bar">
        {refusal ? <RefusedStatusLine /> : <SyncStatusLine />}
        <PresenceList />
      </div>
      {refusal ? <RefusedNotice refusal={refusal} planId={planId} /> : !canWrite && <ReadOnlyBanner />}
      <NewerVersionNotice />
      <Welcome />
      <AccessUpkeep />
      <PlanNotices />
      <FollowMeeting sectionId={sectionId} />
      <ForgetHandedOverKey />
      <StartedForHousehold />
      <div className="workspace-body">
        <SectionNav sections={visible} current={sectionId} />
        <main className="workspace-main" id="content" tabIndex={-1}>
          {section && Section ? (
            // Keyed by the section, so going to another one after a failure tries that one.
            <SectionFailed key={section.id}>
              <Suspense fallback={<p className="muted">{t('common:loading')}</p>}>
                <Section />
                <FirstScreenShown />
              </Suspense>
            </SectionFailed>
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

/** Rendered after the section, inside its Suspense: runs once the section's code has arrived and shows. */
function FirstScreenShown() {
  useEffect(registerServiceWorker, [])
  return null
}

/** Whether this device's invitation opens the room a section shows; without an invitation, only the plan room. */
function opens(access: DeviceAccess, section: Section): boolean {
  const room = section.room ?? 'plan'
  if (!access.role || !access.room) return room === 'plan'
  return invitationAccess({ role: access.role, room: access.room }, room) !== 'none'
}
