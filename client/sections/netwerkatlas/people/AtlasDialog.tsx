import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'

/**
 * A dialog for the details of one thing on a map (a relationship, a family
 * member, an event), built on react-aria (focus kept inside, Escape closes,
 * focus returns) and styled like the other instruments' dialogs. Changes in
 * it apply as they are made; "Klaar" only closes.
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
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog stack atlas-dialog">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {title}
              </Heading>
              {children}
              <div className="button-row">
                {asksForAction && footer?.(close)}
                <Button className={asksForAction ? 'button' : 'button button-primary'} onPress={close}>
                  {asksForAction ? t('cancel') : t('done')}
                </Button>
                {!asksForAction && footer?.(close)}
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
