import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { AddLinkForm } from './AddLinkForm.tsx'
import { AddMemberForm } from './AddMemberForm.tsx'
import { FamilyDiagram } from './FamilyDiagram.tsx'
import { FamilyList } from './FamilyList.tsx'
import { useMarkedGenerations } from '../marks/useMarked.ts'
import { MemberDialog } from './MemberDialog.tsx'
import './familiekaart.css'

/** De familiekaart: the family across generations, drawn from the plan's people and the lines between them. */
export function FamiliekaartView() {
  const { t } = useTranslation('netwerkatlas')
  const { plan, canWrite } = usePlan()
  const kaart = plan.netwerkatlas.familiekaart
  const generations = useMarkedGenerations(useLive(kaart, () => kaart.generations()))
  const links = useLive(kaart, () => kaart.links())
  const [open, setOpen] = useState<PersonId | null>(null)

  return (
    <section className="atlas-instrument familiekaart stack" aria-labelledby="familiekaart-title">
      <h3 id="familiekaart-title">{t('instruments.familiekaart')}</h3>
      <p className="section-intro">{t('familiekaart.intro')}</p>
      {generations.length === 0 ? (
        <p className="atlas-empty">{t('familiekaart.empty')}</p>
      ) : (
        <FamilyDiagram generations={generations} links={links} onOpen={canWrite ? setOpen : undefined} />
      )}
      {canWrite && (
        <div className="atlas-forms">
          <AddMemberForm />
          <AddLinkForm />
        </div>
      )}
      {generations.length > 0 && <FamilyList generations={generations} links={links} onOpen={canWrite ? setOpen : undefined} />}
      <MemberDialog person={open} onClose={() => setOpen(null)} />
    </section>
  )
}
