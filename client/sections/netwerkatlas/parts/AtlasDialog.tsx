import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { AppDialog } from '../../../ui/AppDialog.tsx'

/**
 * The details of one thing on a map (a relationship, a family member, a
 * contact) in the instruments' one dialog frame. Changes in it apply as they
 * are made; "Klaar" only closes.
 */
export function AtlasDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  footer,
  asksForAction = false,
}: {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  title: string
  children: ReactNode
  /** Buttons beside "Klaar" (e.g. "Van de kaart halen"). */
  footer?: (close: () => void) => ReactNode
  /**
   * When the dialog asks for one action (e.g. "Op de kaart zetten"), that
   * action comes first as `footer` and closing without it is "Annuleren".
   */
  asksForAction?: boolean
}) {
  const { t } = useTranslation('ui')
  return (
    <AppDialog isOpen={isOpen} onOpenChange={onOpenChange} title={title}>
      {(close) => (
        <div className="stack atlas-dialog">
          {children}
          <div className="button-row">
            {asksForAction && footer?.(close)}
            <Button className={asksForAction ? 'button' : 'button button-primary'} onPress={close}>
              {asksForAction ? t('cancel') : t('done')}
            </Button>
            {!asksForAction && footer?.(close)}
          </div>
        </div>
      )}
    </AppDialog>
  )
}
