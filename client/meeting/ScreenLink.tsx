import { useTranslation } from 'react-i18next'
import { planPath } from '../app/planAddress.ts'
import { usePlan } from '../plan/hooks.ts'
import { SCREEN_VIEW } from './presentation/screenPath.ts'
import { MEETING_SECTION } from './hooks.ts'

/** The presentation view for a TV or projector, opened from the gespreksleider's device: a link, so it can be opened on another window or screen. */
export function ScreenLink() {
  const { t } = useTranslation('meeting')
  const { planId } = usePlan()
  return (
    <div className="stack">
      <p>
        <a className="button" href={`#${planPath(planId, MEETING_SECTION, SCREEN_VIEW)}`} target="_blank" rel="noopener">
          {t('running.screen')}
        </a>
      </p>
      <p className="muted">{t('running.screenHint')}</p>
    </div>
  )
}
