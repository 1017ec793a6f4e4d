import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoomKind } from '../../../../shared/protocol/rooms.ts'
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx'
import { DescribedChoice } from '../../../ui/DescribedChoice.tsx'
import type { MarkQuestion } from './useMarkWriter.ts'

/**
 * "Wie mag dit zien?": asked the first time someone on this device sets a
 * sensitive mark or writes a note about a person (issue 11). The most
 * private room the writer opens is chosen unless they pick a wider one; the
 * answer is remembered on this device and said beside every mark.
 */
export function WhereMarksGo({ question, name }: { question: MarkQuestion | null; name: string }) {
  return question ? <Asked question={question} name={name} /> : null
}

function Asked({ question, name }: { question: MarkQuestion; name: string }) {
  const { t } = useTranslation('netwerkatlas')
  const [room, setRoom] = useState<RoomKind>(question.rooms[0]!)
  return (
    <ConfirmDialog isOpen onOpenChange={(open) => !open && question.cancel()} title={t('privacy.title', { name })} confirmLabel={t('privacy.confirm')} onConfirm={() => question.answer(room)}>
      <p>{t('privacy.intro')}</p>
      <DescribedChoice
        legend={t('privacy.legend')}
        hint={t('privacy.remembered')}
        options={question.rooms.map((value) => ({ value, label: t(`privacy.rooms.${value}`), description: t(`privacy.who.${value}`) }))}
        value={room}
        onChange={setRoom}
      />
    </ConfirmDialog>
  )
}
