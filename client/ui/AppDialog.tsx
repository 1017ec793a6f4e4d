import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import './ui.css'

/**
 * The one dialog frame of the instruments (react-aria: focus kept inside,
 * Escape and a click outside close it, focus goes back to what opened it).
 * `children` gets `close`.
 */
export function AppDialog(props: {
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  title: string
  /** 'alertdialog' for a question that needs an answer before anything happens. */
  role?: 'dialog' | 'alertdialog'
  children: (close: () => void) => ReactNode
}) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={props.isOpen} onOpenChange={props.onOpenChange} isDismissable>
      <Modal className="modal">
        <Dialog role={props.role ?? 'dialog'} className="dialog stack">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {props.title}
              </Heading>
              {props.children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
