import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, type ContactGap } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'

/** Where nobody is, in plain sentences: "Op zondag is er niemand." */
export function Gaps({ gaps, empty }: { gaps: readonly ContactGap[]; empty: boolean }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  if (empty) return <p className="atlas-empty">{t('contactschema.empty')}</p>
  if (gaps.length === 0) return <p className="gaps-none">{t('contactschema.noGaps')}</p>
  return (
    <section className="gaps" aria-labelledby="contactschema-gaps-title">
      <h4 id="contactschema-gaps-title">{t('contactschema.gapsTitle')}</h4>
      <ul>
        {gaps.map((gap) => {
          const day = format.wording(ATLAS_LABELS.days[gap.day])
          return (
            <li key={gap.day}>
              {gap.wholeDay
                ? t('contactschema.gapWholeDay', { day })
                : t('contactschema.gapParts', { day, parts: format.list(gap.parts.map((part) => format.wording(ATLAS_LABELS.dayParts[part]))) })}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
