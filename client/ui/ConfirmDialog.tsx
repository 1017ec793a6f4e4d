import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { AppDialog } from './AppDialog.tsx'

/**
 * A question that needs a yes before something happens. "Cancel" has the
 * focus, so a stray Enter changes nothing.
 */
export function ConfirmDialog(props: {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
}) {
  const { t } = useTranslation('ui')
  return (
    <AppDialog isOpen={props.isOpen} onOpenChange={props.onOpenChange} title={props.title} role="alertdialog">
      {(close) => (
        <>
          <div className="stack">{props.children}</div>
          <div className="button-row">
            <Button
              className="button button-primary"
              onPress={() => {
                props.onConfirm()
                close()
              }}
            >
              {props.confirmLabel}
            </Button>
            <Button className="button" onPress={close} autoFocus>
              {t('cancel')}
            </Button>
          </div>
        </>
      )}
    </AppDialog>
  )
}
