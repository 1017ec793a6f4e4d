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
}: {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  title: string
  children: ReactNode
  /** Buttons beside "Klaar" (e.g. "Van de kaart halen"). */
  footer?: (close: () => void) => ReactNode
}) {
  const { t } = useTranslation('ui')
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog stack">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {title}
              </Heading>
              {children}
              <div className="button-row">
                <Button className="button button-primary" onPress={close}>
                  {t('done')}
                </Button>
                {footer?.(close)}
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
