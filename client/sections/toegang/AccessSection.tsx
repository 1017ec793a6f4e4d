import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { DeletePlanPanel } from './DeletePlanPanel.tsx'
import { InvitationsList } from './InvitationsList.tsx'
import { WhoManages } from './WhoManages.tsx'
import { HandOverPanel } from './HandOverPanel.tsx'
import { RevokeEarlierKeys } from './RevokeEarlierKeys.tsx'
import { InviteForm } from './InvitePanel.tsx'
import { KeyHandoverPanel } from './KeyHandoverPanel.tsx'
import { YourRole } from '../../invitations/YourRole.tsx'
import './toegang.css'

/**
 * "Toegang": who may read and write along (for everyone), and for a device
 * holding the plan key: inviting, handing over the key, deleting the plan.
 */
export function AccessSection() {
  const { t } = useTranslation('toegang')
  const { access, canWrite } = usePlan()
  const manages = access.holdsKey && canWrite
  return (
    <section className="access stack" aria-labelledby="toegang-title">
      <h2 id="toegang-title">{t('section.title')}</h2>
      <p className="section-intro">{t('section.intro')}</p>
      <YourRole role={access.role} />
      {manages ? <InviteForm /> : <p className="muted">{t('panel.onlyKeyHolder')}</p>}
      <WhoManages />
      <InvitationsList />
      {manages && <RevokeEarlierKeys />}
      {manages && <HandOverPanel />}
      {manages && <KeyHandoverPanel />}
      {manages && <DeletePlanPanel />}
    </section>
  )
}
