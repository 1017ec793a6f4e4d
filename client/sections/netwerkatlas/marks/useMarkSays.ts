import { useTranslation } from 'react-i18next'
import type { Seen } from './seenMarks.ts'

/** Who can see a mark or note, in a few words for under it ("Alleen jullie huishouden ziet dit."); null when there is none. */
export function useMarkSays(): (mark: Seen | undefined) => string | null {
  const { t } = useTranslation('netwerkatlas')
  return (mark) => (mark ? t(`privacy.says.${mark.room}`) : null)
}
