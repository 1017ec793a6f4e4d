import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import './ui.css'

/**
 * A question that needs a yes before something happens (an alert dialog from
 * react-aria: focus kept inside, Escape cancels, focus returns afterwards).
 * "Cancel" has the focus, so a stray Enter changes nothing.
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
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} onOpenChange={props.onOpenChange} isDismissable>
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog stack">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {props.title}
              </Heading>
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
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
