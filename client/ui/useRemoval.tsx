import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonId } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { useFormat } from './useFormat.ts'

interface RemovalRequest {
  /** Who wrote it: removing your own words needs no question. */
  author: PersonId | null
  /** The words being removed, shown in the question. */
  text: string
  remove: () => void
}

/**
 * Removing someone else's words asks first; removing your own does not.
 * Either way the removal is soft: others see "verwijderd door …" and can put
 * it back. Render `dialog` once somewhere in the component.
 */
export function useRemoval(): { request: (request: RemovalRequest) => void; dialog: ReactNode } {
  const { t } = useTranslation('ui')
  const { me } = usePlan()
  const format = useFormat()
  const [pending, setPending] = useState<RemovalRequest | null>(null)

  function request(next: RemovalRequest) {
    if (next.author === me || next.author === null) next.remove()
    else setPending(next)
  }

  const dialog = (
    <ConfirmDialog
      isOpen={pending !== null}
      onOpenChange={(open) => !open && setPending(null)}
      title={t('remove.title')}
      confirmLabel={t('remove.confirm')}
      onConfirm={() => pending?.remove()}
    >
      {pending && (
        <>
          <blockquote className="quote">{pending.text}</blockquote>
          <p>{t('remove.body', { name: format.name(pending.author) })}</p>
        </>
      )}
    </ConfirmDialog>
  )
  return { request, dialog }
}
