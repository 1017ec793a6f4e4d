import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { registerServiceWorker } from '../app/serviceWorker.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import { SkipLink } from '../app/SkipLink.tsx'
import { KeyImportLink } from '../invitations/KeyImportLink.tsx'
import { HaveACode } from '../meeting/join/JoinWithCodePage.tsx'
import { ImportPlanForm } from './ImportPlanForm.tsx'
import { NewPlanForm } from './NewPlanForm.tsx'
import { PlansOnThisDevice } from './PlansOnThisDevice.tsx'
import './start.css'

/** `/#/`: the plans on this device, starting a new one, and a professional starting one for a household. */
export function StartPage() {
  const { t } = useTranslation('start')
  useEffect(registerServiceWorker, [])
  return (
    <div className="page">
      <SkipLink targetId="content" />
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <p className="start-intro">{t('intro')}</p>
        <HaveACode />
        <PlansOnThisDevice />
        <NewPlanForm />
        <NewPlanForm forHousehold />
        <ImportPlanForm />
        <KeyImportLink />
      </main>
    </div>
  )
}
