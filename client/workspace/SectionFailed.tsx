import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Around the open section: when it cannot be shown (its code could not be
 * fetched, say after an update of Kring while offline, or it broke), the
 * person is told what to do instead of seeing an empty page, and the rest of
 * the workspace (menu, sync status) stays. React catches a render error only
 * in a class component.
 */
export class SectionFailed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    console.error('A section could not be shown', error)
  }

  override render(): ReactNode {
    return this.state.failed ? <SectionFailedNotice /> : this.props.children
  }
}

function SectionFailedNotice() {
  const { t } = useTranslation('workspace')
  return (
    <div className="stack" role="alert">
      <p>{t('sectionFailed')}</p>
      <button type="button" className="button" onClick={() => location.reload()}>
        {t('reload')}
      </button>
    </div>
  )
}
